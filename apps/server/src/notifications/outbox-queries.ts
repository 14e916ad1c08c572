import { and, eq } from 'drizzle-orm'
import type { Db, Store, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { isoAfter, type RetryPolicy, retryDelayMs } from '../outbox/backoff.ts'
import { claimLeased, dueBy, dueFirst } from '../outbox/claim.ts'

export type OutboxRow = Tables['notificationOutbox']['$inferSelect']

/** Claims up to `limit` due deliveries for `leaseMs` (see `claimLeased`). */
export function claimDue(
  store: Store,
  now: Date,
  leaseMs: number,
  limit: number
): Promise<OutboxRow[]> {
  const t = tablesOf(store.db).notificationOutbox
  const lease = isoAfter(now, leaseMs)
  return claimLeased(
    store,
    t,
    (tx) =>
      tx
        .select({ id: t.deliveryId, nextAttemptAt: t.nextAttemptAt })
        .from(t)
        .where(dueBy(t, now))
        .orderBy(...dueFirst(t))
        .limit(limit),
    async (tx, guard) => {
      const [won] = await tx.update(t).set({ nextAttemptAt: lease }).where(guard).returning()
      return won
    }
  )
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
      .update(tablesOf(store.db).notificationOutbox)
      .set({ status: 'skipped', nextAttemptAt: null, lastError: reason })
      .where(held(tablesOf(store.db), row))
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
      .update(tablesOf(store.db).notificationOutbox)
      .set({
        status: dead ? 'dead' : 'pending',
        tries,
        lastError: error.slice(0, 2000),
        nextAttemptAt: dead ? null : isoAfter(now, retryDelayMs(tries, policy, random)),
      })
      .where(held(tablesOf(store.db), row))
  )
  return dead ? 'dead' : 'pending'
}
