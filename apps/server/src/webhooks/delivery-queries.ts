import { inArray, sql } from 'drizzle-orm'
import { prepared } from '../db/prepared.ts'
import { listShape } from '../db/statement-shape.ts'
import type { Store, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { isoAfter, type RetryPolicy, retryDelayMs } from '../outbox/backoff.ts'
import { claimable, claimLeased, leaseSet, writeOutcome } from '../outbox/claim.ts'

export type DeliveryRow = Tables['webhookDeliveries']['$inferSelect']

/** A delivery this process holds the lease on, with where and how to send it. */
export interface ClaimedDelivery {
  row: DeliveryRow
  targetUrl: string
  secret: string
}

/**
 * Claims up to `limit` due deliveries for `leaseMs` (see `claimLeased`), each with its webhook's
 * address and secret, read in the claim's transaction: a webhook deleted takes its deliveries
 * with it, and the claim's lock on them makes that wait. The claim counts the try, so a crash
 * mid-POST still uses one up.
 */
export function claimDue(
  store: Store,
  now: Date,
  leaseMs: number,
  limit: number
): Promise<ClaimedDelivery[]> {
  const d = tablesOf(store.db).webhookDeliveries
  const w = tablesOf(store.db).webhooks
  return claimLeased(
    store,
    { now, leaseMs, limit },
    async (tx, values) => {
      const rows = await prepared(tx, 'webhooks.deliveries.claim-due', (q) =>
        q
          .update(d)
          .set({ ...leaseSet(), tries: sql`${d.tries} + 1` } as never)
          .where(claimable(store.dialect, q, d))
          .returning()
      ).execute(values)
      if (rows.length === 0) {
        return []
      }
      const ids = listShape('webhooks.targets', [...new Set(rows.map((row) => row.webhookId))])
      const targets = await prepared(tx, ids.key, (q) =>
        q
          .select({ webhookId: w.webhookId, targetUrl: w.targetUrl, secret: w.secret })
          .from(w)
          .where(inArray(w.webhookId, ids.placeholders()))
      ).execute(ids.values)
      const byId = new Map(targets.map((target) => [target.webhookId, target]))
      return rows.flatMap((row) => {
        const target = byId.get(row.webhookId)
        return target ? [{ row, targetUrl: target.targetUrl, secret: target.secret }] : []
      })
    },
    (claimed) => claimed.row.deliveryId
  )
}

type Outcome = Partial<
  Pick<
    Tables['webhookDeliveries']['$inferInsert'],
    'status' | 'deliveredAt' | 'nextAttemptAt' | 'lastStatusCode' | 'lastError'
  >
>

/** Writes a delivery's outcome while the claim is still ours: same lease, same try. */
const writeDelivery = (store: Store, row: DeliveryRow, outcome: Outcome) =>
  store.transaction((tx) =>
    writeOutcome(
      tx,
      'webhooks.deliveries.outcome',
      tablesOf(tx).webhookDeliveries,
      [row],
      () => outcome,
      {
        sameTry: true,
      }
    )
  )

export async function markDelivered(store: Store, row: DeliveryRow, status: number, now: Date) {
  await writeDelivery(store, row, {
    status: 'delivered',
    deliveredAt: now.toISOString(),
    nextAttemptAt: null,
    lastStatusCode: status,
    lastError: null,
  })
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
  const dead = row.tries >= policy.maxTries
  await writeDelivery(store, row, {
    status: dead ? 'dead' : 'pending',
    lastStatusCode: failure.status,
    lastError: failure.error.slice(0, 2000),
    nextAttemptAt: dead ? null : isoAfter(now, retryDelayMs(row.tries, policy, random)),
  })
  return dead ? 'dead' : 'pending'
}
