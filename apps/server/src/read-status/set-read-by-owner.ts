import type { ReadStatus, TicketEntity } from '@ticket/schema'
import type { Caller } from '../auth/caller.ts'
import type { ServiceDeps } from '../modules/service-module.ts'
import { commitTicketUpdate } from '../tickets/commit-update.ts'
import { actedBy } from '../tickets/ticket-change.ts'
import type { TicketRow } from '../tickets/ticket-rows.ts'
import { type ReadFields, setByOwner } from './read-rules.ts'

/** The read fields of a stored ticket. */
export const readFieldsOf = (row: TicketRow): ReadFields => ({
  readStatus: row.readStatus,
  readByOwner: row.readByOwner,
  firstReadByOwner: row.firstReadByOwner,
  firstReadByUser: row.firstReadByUser,
  readByCustomer: row.readByCustomer,
})

/**
 * `SetTicketReadByOwner`: records the owner's read (Green) or marks the ticket unread (Red,
 * Yellow). Returns the ticket as it is afterwards; undefined when nothing changed (Unknown, or
 * already so). A missing ticket is a 404.
 */
export async function setTicketReadByOwner(
  deps: ServiceDeps,
  caller: Caller,
  ticketId: number,
  status: ReadStatus
): Promise<TicketEntity | undefined> {
  const committed = await commitTicketUpdate(deps, {
    ticketId,
    ...actedBy(caller),
    notify: false,
    async apply(_tx, current, at) {
      const before = readFieldsOf(current.row)
      const after = setByOwner(before, status, at.toISOString())
      if (JSON.stringify(before) === JSON.stringify(after)) {
        return undefined
      }
      return { values: after, result: undefined }
    },
  })
  return committed?.ticket
}
