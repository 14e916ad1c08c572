import type { Caller } from '../auth/caller.ts'
import { tablesOf } from '../db/tables-of.ts'
import { ApiError } from '../http/api-error.ts'
import type { ServiceDeps } from '../modules/service-module.ts'
import { loadTicket } from './load-ticket.ts'
import { actedBy, type TicketChange } from './ticket-change.ts'

/**
 * `NotifyNewTicket`: sends the new-ticket notifications for an existing ticket now. Nothing in
 * the ticket changes, so `changedColumns` is empty and webhooks have nothing to report.
 */
export async function notifyNewTicket(deps: ServiceDeps, caller: Caller, id: number) {
  const change = await deps.store.transaction(async (tx) => {
    const reader = deps.catalog.readerFor(tx)
    const existing = await loadTicket(tx, tablesOf(deps.store.db), reader, id)
    if (!existing) {
      throw new ApiError('NOT_FOUND', `Ticket ${id} does not exist.`)
    }
    const ticketChange: TicketChange = {
      kind: 'changed',
      ticketId: id,
      before: null,
      after: existing.entity,
      ...actedBy(caller),
      notify: true,
      notifyNewTicket: true,
      at: deps.now().toISOString(),
      revision: existing.row.revision,
      changedColumns: [],
    }
    for (const module of deps.modules) {
      await module.inTransaction?.(tx, ticketChange, reader)
    }
    return ticketChange
  })
  for (const module of deps.modules) {
    module.afterCommit?.(change)
  }
}
