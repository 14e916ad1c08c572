import { and, asc, eq, lte } from 'drizzle-orm'
import type { Db, Store, Tables } from '../db/store.ts'
import { type RetryPolicy, retryDelayMs } from './backoff.ts'

export type OutboxRow = Tables['notificationOutbox']['$inferSelect']

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * Claims up to `limit` due deliveries by moving each one's `next_attempt_at` to a lease in the
 * future, guarded by the value it read: of two dispatchers (two processes on one PostgreSQL),
 * only one update matches, so a row is never sent twice at once. An unfinished claim (a crash
 * mid-send) expires with its lease and the row becomes due again.
 */
export async function claimDue(
  store: Store,
  now: Date,
  leaseMs: number,
  limit: number
): Promise<OutboxRow[]> {
  const t = store.tables.notificationOutbox
  const lease = iso(now.getTime() + leaseMs)
  return store.transaction(async (tx) => {
    const due = await tx
      .select({ id: t.deliveryId, nextAttemptAt: t.nextAttemptAt })
      .from(t)
      .where(and(eq(t.status, 'pending'), lte(t.nextAttemptAt, now.toISOString())))
      .orderBy(asc(t.nextAttemptAt), asc(t.deliveryId))
      .limit(limit)
    const claimed: OutboxRow[] = []
    for (const row of due) {
      if (row.nextAttemptAt === null) {
        continue
      }
      const [won] = await tx
        .update(t)
        .set({ nextAttemptAt: lease })
        .where(
          and(
            eq(t.deliveryId, row.id),
            eq(t.status, 'pending'),
            eq(t.nextAttemptAt, row.nextAttemptAt)
          )
        )
        .returning()
      if (won) {
        claimed.push(won)
      }
    }
    return claimed
  })
}

// Every outcome is written only while the lease is still ours (`next_attempt_at` unchanged).
const held = (tables: Tables, row: OutboxRow) =>
  and(
    eq(tables.notificationOutbox.deliveryId, row.deliveryId),
    eq(tables.notificationOutbox.status, 'pending'),
    row.nextAttemptAt === null
      ? undefined
      : eq(tables.notificationOutbox.nextAttemptAt, row.nextAttemptAt)
  )

export async function markDelivered(tx: Db, tables: Tables, row: OutboxRow, now: Date) {
  await tx
    .update(tables.notificationOutbox)
    .set({
      status: 'delivered',
      tries: row.tries + 1,
      deliveredAt: now.toISOString(),
      nextAttemptAt: null,
      lastError: null,
    })
    .where(held(tables, row))
}

export async function markSkipped(store: Store, row: OutboxRow, reason: string) {
  await store.transaction((tx) =>
    tx
      .update(store.tables.notificationOutbox)
      .set({ status: 'skipped', nextAttemptAt: null, lastError: reason })
      .where(held(store.tables, row))
  )
}

/** Records a failed try: a retry after a jittered backoff, or dead after the last try. */
export async function markFailed(
  store: Store,
  row: OutboxRow,
  error: string,
  policy: RetryPolicy,
  now: Date,
  random: () => number
): Promise<'pending' | 'dead'> {
  const tries = row.tries + 1
  const dead = tries >= policy.maxTries
  await store.transaction((tx) =>
    tx
      .update(store.tables.notificationOutbox)
      .set({
        status: dead ? 'dead' : 'pending',
        tries,
        lastError: error.slice(0, 2000),
        nextAttemptAt: dead ? null : iso(now.getTime() + retryDelayMs(tries, policy, random)),
      })
      .where(held(store.tables, row))
  )
  return dead ? 'dead' : 'pending'
}
