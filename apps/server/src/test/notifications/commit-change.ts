import { count, eq } from 'drizzle-orm'
import { vi } from 'vitest'
import type { Store } from '../../db/store.ts'
import { tablesOf } from '../../db/tables-of.ts'
import type { ServiceModule } from '../../modules/service-module.ts'
import type { OutboxRow } from '../../notifications/outbox-queries.ts'
import { createReferenceReader } from '../../reference/reference-reader.ts'
import type { TicketChange } from '../../tickets/ticket-change.ts'

/** What the save path does with a module: plan inside the transaction, wake after commit. */
export async function commitChange(
  store: Store,
  module: ServiceModule,
  change: TicketChange,
  options: { wake?: boolean } = {}
) {
  await store.transaction(
    (tx) => module.inTransaction?.(tx, change, createReferenceReader(tx)) ?? Promise.resolve()
  )
  if (options.wake ?? true) {
    module.afterCommit?.(change)
  }
}

export function outboxRows(store: Store): Promise<OutboxRow[]> {
  const t = tablesOf(store.db).notificationOutbox
  return store.db.select().from(t).orderBy(t.deliveryId)
}

export async function inappCount(store: Store, associateId?: number): Promise<number> {
  const n = tablesOf(store.db).notifications
  const [row] = await store.db
    .select({ n: count() })
    .from(n)
    .where(associateId === undefined ? undefined : eq(n.associateId, associateId))
  return Number(row?.n ?? 0)
}

/** Waits until every outbox row satisfies `done` (default: no longer pending). */
export function waitForOutbox(
  store: Store,
  done: (row: OutboxRow) => boolean = (row) => row.status !== 'pending',
  timeoutMs = 15_000
): Promise<OutboxRow[]> {
  return vi.waitFor(
    async () => {
      const rows = await outboxRows(store)
      const open = rows.filter((row) => !done(row))
      if (rows.length === 0 || open.length > 0) {
        throw new Error(`waiting for ${open.length} of ${rows.length} deliveries`)
      }
      return rows
    },
    { timeout: timeoutMs, interval: 10 }
  )
}
