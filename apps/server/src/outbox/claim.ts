import { and, asc, eq, lte, type SQL } from 'drizzle-orm'
import type { QueryColumn } from '../db/db.ts'
import type { Db, Store } from '../db/store.ts'

/** The columns every leased delivery table has: its key, its status and when it is due. */
export interface LeasedTable {
  deliveryId: QueryColumn
  status: QueryColumn
  nextAttemptAt: QueryColumn
}

/** A due row as first read: the claim on it is guarded by the `next_attempt_at` read here. */
export interface DueRow {
  id: number
  nextAttemptAt: string | null
}

/** Pending rows due by `now`; pass with `.orderBy(...dueFirst(t))` so the oldest go first. */
export const dueBy = (t: LeasedTable, now: Date) =>
  and(eq(t.status, 'pending'), lte(t.nextAttemptAt, now.toISOString()))

export const dueFirst = (t: LeasedTable) => [asc(t.nextAttemptAt), asc(t.deliveryId)] as const

/**
 * Claims the rows `findDue` reads, each by the update `take` runs under a guard that matches only
 * the `next_attempt_at` it read; `take` moves that to a lease in the future. Of two dispatchers
 * (two processes on one PostgreSQL) only one update matches, so a row is never sent twice at
 * once; a claim left by a crash expires with its lease and the row is due again.
 */
export function claimLeased<D extends DueRow, C>(
  store: Store,
  t: LeasedTable,
  findDue: (tx: Db) => Promise<D[]>,
  take: (tx: Db, guard: SQL | undefined, due: D) => Promise<C | undefined>
): Promise<C[]> {
  return store.transaction(async (tx) => {
    const claimed: C[] = []
    for (const due of await findDue(tx)) {
      if (due.nextAttemptAt === null) {
        continue
      }
      const guard = and(
        eq(t.deliveryId, due.id),
        eq(t.status, 'pending'),
        eq(t.nextAttemptAt, due.nextAttemptAt)
      )
      const won = await take(tx, guard, due)
      if (won) {
        claimed.push(won)
      }
    }
    return claimed
  })
}
