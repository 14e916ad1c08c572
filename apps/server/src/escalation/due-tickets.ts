import { and, asc, eq, isNull, lte } from 'drizzle-orm'
import type { Store } from '../db/store-types.ts'
import { tablesOf } from '../db/tables-of.ts'

/**
 * Active tickets whose alert is due at `now`, the longest due first, at most `limit`: what one
 * escalation pass works through. The tickets' partial index over set alert timeouts answers
 * it in that order, reading only tickets that have an alert.
 */
export function dueTicketsQuery(store: Store, now: Date, limit: number) {
  const t = tablesOf(store.db).tickets
  return store.reader
    .select({ ticketId: t.ticketId, alertLevel: t.alertLevel, alertTimeout: t.alertTimeout })
    .from(t)
    .where(
      and(lte(t.alertTimeout, now.toISOString()), eq(t.baseStatus, 'Active'), isNull(t.deletedAt))
    )
    .orderBy(asc(t.alertTimeout))
    .limit(limit)
}
