import { and, eq, sql } from 'drizzle-orm'
import type { Store, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { isoAfter, type RetryPolicy, retryDelayMs } from '../outbox/backoff.ts'
import { claimLeased, dueBy, dueFirst } from '../outbox/claim.ts'

export type DeliveryRow = Tables['webhookDeliveries']['$inferSelect']

/** A delivery this process holds the lease on, with where and how to send it. */
export interface ClaimedDelivery {
  row: DeliveryRow
  targetUrl: string
  secret: string
}

/**
 * Claims up to `limit` due deliveries for `leaseMs` (see `claimLeased`). The claim counts the
 * try, so a crash mid-POST still uses one up.
 */
export function claimDue(
  store: Store,
  now: Date,
  leaseMs: number,
  limit: number
): Promise<ClaimedDelivery[]> {
  const d = tablesOf(store.db).webhookDeliveries
  const w = tablesOf(store.db).webhooks
  const lease = isoAfter(now, leaseMs)
  return claimLeased(
    store,
    d,
    (tx) =>
      tx
        .select({
          id: d.deliveryId,
          nextAttemptAt: d.nextAttemptAt,
          targetUrl: w.targetUrl,
          secret: w.secret,
        })
        .from(d)
        .innerJoin(w, eq(w.webhookId, d.webhookId))
        .where(dueBy(d, now))
        .orderBy(...dueFirst(d))
        .limit(limit),
    async (tx, guard, { targetUrl, secret }) => {
      const [row] = await tx
        .update(d)
        .set({ nextAttemptAt: lease, tries: sql`${d.tries} + 1` })
        .where(guard)
        .returning()
      return row && { row, targetUrl, secret }
    }
  )
}

// An outcome is written only while the claim is still ours: same lease, same try.
const held = (d: Tables['webhookDeliveries'], row: DeliveryRow) =>
  and(
    eq(d.deliveryId, row.deliveryId),
    eq(d.status, 'pending'),
    eq(d.tries, row.tries),
    row.nextAttemptAt === null ? undefined : eq(d.nextAttemptAt, row.nextAttemptAt)
  )

export async function markDelivered(store: Store, row: DeliveryRow, status: number, now: Date) {
  const d = tablesOf(store.db).webhookDeliveries
  await store.transaction((tx) =>
    tx
      .update(d)
      .set({
        status: 'delivered',
        deliveredAt: now.toISOString(),
        nextAttemptAt: null,
        lastStatusCode: status,
        lastError: null,
      })
      .where(held(d, row))
  )
}

/** Records a failed try: another one after a jittered backoff, or dead after the last one. */
export async function markFailed(
  store: Store,
  row: DeliveryRow,
  failure: { status: number | null; error: string },
  policy: RetryPolicy,
  now: Date,
  random: () => number
): Promise<'pending' | 'dead'> {
  const d = tablesOf(store.db).webhookDeliveries
  const dead = row.tries >= policy.maxTries
  await store.transaction((tx) =>
    tx
      .update(d)
      .set({
        status: dead ? 'dead' : 'pending',
        lastStatusCode: failure.status,
        lastError: failure.error.slice(0, 2000),
        nextAttemptAt: dead ? null : isoAfter(now, retryDelayMs(row.tries, policy, random)),
      })
      .where(held(d, row))
  )
  return dead ? 'dead' : 'pending'
}
