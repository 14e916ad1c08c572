import { prepared } from '../db/prepared.ts'
import type { Db, Store, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { isoAfter, type RetryPolicy, retryDelayMs } from '../outbox/backoff.ts'
import { claimable, claimLeased, leaseSet, writeOutcome } from '../outbox/claim.ts'

export type OutboxRow = Tables['notificationOutbox']['$inferSelect']

/** Claims up to `limit` due deliveries for `leaseMs` in one statement (see `claimLeased`). */
export function claimDue(
  store: Store,
  now: Date,
  leaseMs: number,
  limit: number
): Promise<OutboxRow[]> {
  const t = tablesOf(store.db).notificationOutbox
  return claimLeased(
    store,
    { now, leaseMs, limit },
    (tx, values) =>
      prepared(tx, 'notifications.outbox.claim-due', (d) =>
        d
          .update(t)
          .set(leaseSet() as never)
          .where(claimable(store.dialect, d, t))
          .returning()
      ).execute(values),
    (row) => row.deliveryId
  )
}

type Outcome = Partial<
  Pick<
    Tables['notificationOutbox']['$inferInsert'],
    'status' | 'tries' | 'lastError' | 'nextAttemptAt' | 'deliveredAt'
  >
>

/** Writes deliveries' outcome while their leases are still ours (see `writeOutcome`). */
const writeDelivery = (
  tx: Db,
  rows: readonly OutboxRow[],
  outcomeOf: (row: OutboxRow) => Outcome
) =>
  writeOutcome(tx, 'notifications.outbox.outcome', tablesOf(tx).notificationOutbox, rows, outcomeOf)

/** Records deliveries as delivered, each with its try counted (rows claimed together, together). */
export async function markDelivered(tx: Db, rows: readonly OutboxRow[], now: Date) {
  await writeDelivery(tx, rows, (row) => ({
    status: 'delivered',
    tries: row.tries + 1,
    deliveredAt: now.toISOString(),
    nextAttemptAt: null,
    lastError: null,
  }))
}

export async function markSkipped(store: Store, row: OutboxRow, reason: string) {
  await store.transaction((tx) =>
    writeDelivery(tx, [row], () => ({ status: 'skipped', nextAttemptAt: null, lastError: reason }))
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
    writeDelivery(tx, [row], () => ({
      status: dead ? 'dead' : 'pending',
      tries,
      lastError: error.slice(0, 2000),
      nextAttemptAt: dead ? null : isoAfter(now, retryDelayMs(tries, policy, random)),
    }))
  )
  return dead ? 'dead' : 'pending'
}
