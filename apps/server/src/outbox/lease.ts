import { and, eq, gt } from 'drizzle-orm'
import type { Store, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { isoAfter } from './backoff.ts'

/** The delivery tables whose rows are claimed with a lease. */
export type LeasedTableName = 'notificationOutbox' | 'webhookDeliveries'

/** How long a claim holds a row before another sender may take it, unless it is renewed. */
export const defaultLeaseMs = 5_000

/** What a lease renewal needs of a claimed row; `nextAttemptAt` is updated in place. */
export interface HeldRow {
  deliveryId: number
  nextAttemptAt: string | null
}

/**
 * At start on SQLite, every lease still in the file belongs to a process that is gone: one
 * process owns an SQLite file. Its rows become due now instead of when their leases run out.
 * A row waiting out a retry backoff is indistinguishable from a leased one and is also tried at
 * once; its `tries` still count, so the bound on tries holds. On PostgreSQL other live
 * processes may hold leases, so nothing is released: leases there are short and renewed.
 */
export async function releaseStaleLeases(store: Store, name: LeasedTableName, now: Date) {
  if (store.dialect !== 'sqlite') {
    return
  }
  const t = tablesOf(store.db)[name] as Tables['notificationOutbox']
  const at = now.toISOString()
  await store.transaction((tx) =>
    tx
      .update(t)
      .set({ nextAttemptAt: at })
      .where(and(eq(t.status, 'pending'), gt(t.nextAttemptAt, at)))
  )
}

/**
 * Runs `work` (one send) while renewing the claim on `row` every third of `leaseMs`, so a lease
 * can be short (a crashed process's rows are due again soon) and still outlast a slow send.
 * Renewal stops, and any renewal in flight finishes, before `work`'s result is returned: the
 * outcome is then written under the lease as last renewed (`row.nextAttemptAt`).
 */
export async function whileLeased<R>(
  store: Store,
  name: LeasedTableName,
  row: HeldRow,
  leaseMs: number,
  now: () => Date,
  work: () => Promise<R>
): Promise<R> {
  const t = tablesOf(store.db)[name] as Tables['notificationOutbox']
  let renewing: Promise<void> = Promise.resolve()
  const renew = async () => {
    const held = row.nextAttemptAt
    if (held === null) {
      return
    }
    const lease = isoAfter(now(), leaseMs)
    const won = await store.transaction((tx) =>
      tx
        .update(t)
        .set({ nextAttemptAt: lease })
        .where(
          and(eq(t.deliveryId, row.deliveryId), eq(t.status, 'pending'), eq(t.nextAttemptAt, held))
        )
        .returning({ id: t.deliveryId })
    )
    if (won.length > 0) {
      row.nextAttemptAt = lease
    }
  }
  const timer = setInterval(
    () => {
      // A failed renewal leaves the previous lease; if it runs out the row is sent again,
      // which every channel tolerates (in-app rows are keyed, webhooks carry an event id).
      renewing = renewing.then(renew).catch(() => {})
    },
    Math.max(1, Math.floor(leaseMs / 3))
  )
  timer.unref()
  try {
    return await work()
  } finally {
    clearInterval(timer)
    await renewing
  }
}
