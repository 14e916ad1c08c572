import { eq } from 'drizzle-orm'
import type { Caller } from '../auth/caller.ts'
import { tablesOf } from '../db/tables-of.ts'
import { ApiError } from '../http/api-error.ts'
import type { ServiceDeps } from '../modules/service-module.ts'
import { loadTicketForUpdate } from './load-ticket.ts'
import { mayDeleteTickets } from './rights.ts'
import { actedBy, type TicketChange } from './ticket-change.ts'

/**
 * Deletes a ticket (kept as a tombstone so webhooks and delivery logs can still name it);
 * afterwards every read answers as if it never existed. False when there was nothing to delete.
 */
export async function deleteTicket(
  deps: ServiceDeps,
  caller: Caller,
  id: number
): Promise<boolean> {
  if (!mayDeleteTickets(caller)) {
    throw new ApiError('FORBIDDEN', 'Deleting tickets needs full rights.')
  }
  const change = await deps.store.transaction(async (tx) => {
    const tables = tablesOf(deps.store.db)
    const reader = deps.catalog.readerFor(tx)
    const existing = await loadTicketForUpdate(deps.store.dialect, tx, tables, reader, id)
    if (!existing) {
      return undefined
    }
    const at = deps.now().toISOString()
    const revision = existing.row.revision + 1
    await tx
      .update(tables.tickets)
      .set({ deletedAt: at, lastChanged: at, revision })
      .where(eq(tables.tickets.ticketId, id))
    const ticketChange: TicketChange = {
      kind: 'deleted',
      ticketId: id,
      before: existing.entity,
      after: existing.entity,
      ...actedBy(caller),
      notify: false,
      at,
      revision,
      changedColumns: ['deleted_at'],
    }
    for (const module of deps.modules) {
      await module.inTransaction?.(tx, ticketChange, reader)
    }
    return ticketChange
  })
  if (!change) {
    return false
  }
  for (const module of deps.modules) {
    module.afterCommit?.(change)
  }
  return true
}
