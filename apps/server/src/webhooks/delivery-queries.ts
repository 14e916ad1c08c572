import { and, asc, eq, lte, sql } from 'drizzle-orm'
import type { Store, Tables } from '../db/store.ts'
import { type RetryPolicy, retryDelayMs } from './backoff.ts'

export type DeliveryRow = Tables['webhookDeliveries']['$inferSelect']

/** A delivery this process holds the lease on, with where and how to send it. */
export interface ClaimedDelivery {
  row: DeliveryRow
  targetUrl: string
  secret: string
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * Claims up to `limit` due deliveries: each claim moves `next_attempt_at` to a lease in the future
 * and counts the try, guarded by the `next_attempt_at` it read. Of two dispatchers (two processes
 * on one PostgreSQL) only one update matches, so a row is never sent twice at once; a claim left
 * by a crash expires with its lease and the row is due again.
 */
export async function claimDue(
  store: Store,
  now: Date,
  leaseMs: number,
  limit: number
): Promise<ClaimedDelivery[]> {
  const d = store.tables.webhookDeliveries
  const w = store.tables.webhooks
  const lease = iso(now.getTime() + leaseMs)
  return store.transaction(async (tx) => {
    const due = await tx
      .select({
        id: d.deliveryId,
        nextAttemptAt: d.nextAttemptAt,
        targetUrl: w.targetUrl,
        secret: w.secret,
      })
      .from(d)
      .innerJoin(w, eq(w.webhookId, d.webhookId))
      .where(and(eq(d.status, 'pending'), lte(d.nextAttemptAt, now.toISOString())))
      .orderBy(asc(d.nextAttemptAt), asc(d.deliveryId))
      .limit(limit)
    const claimed: ClaimedDelivery[] = []
    for (const candidate of due) {
      if (candidate.nextAttemptAt === null) {
        continue
      }
      const [row] = await tx
        .update(d)
        .set({ nextAttemptAt: lease, tries: sql`${d.tries} + 1` })
        .where(
          and(
            eq(d.deliveryId, candidate.id),
            eq(d.status, 'pending'),
            eq(d.nextAttemptAt, candidate.nextAttemptAt)
          )
        )
        .returning()
      if (row) {
        claimed.push({ row, targetUrl: candidate.targetUrl, secret: candidate.secret })
      }
    }
    return claimed
  })
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
  const d = store.tables.webhookDeliveries
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
  const d = store.tables.webhookDeliveries
  const dead = row.tries >= policy.maxTries
  await store.transaction((tx) =>
    tx
      .update(d)
      .set({
        status: dead ? 'dead' : 'pending',
        lastStatusCode: failure.status,
        lastError: failure.error.slice(0, 2000),
        nextAttemptAt: dead ? null : iso(now.getTime() + retryDelayMs(row.tries, policy, random)),
      })
      .where(held(d, row))
  )
  return dead ? 'dead' : 'pending'
}
