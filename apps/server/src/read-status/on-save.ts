import type { TicketEntity } from '@ticket/schema'
import { newOwner, type ReadFields } from './read-rules.ts'

const ownerOf = (ticket: { OwnedBy?: { AssociateId: number } | null } | null) =>
  ticket?.OwnedBy?.AssociateId ?? 0

/**
 * On a ticket save: a new ticket, or one that changed owner, is unread by its (new) owner —
 * unless the owner is the one saving it. `next` is the ticket being saved (entity properties).
 */
export function readStatusOnSave(
  previous: TicketEntity | null,
  next: Record<string, unknown>,
  actorId: number,
  at: string
): void {
  const owner = ownerOf(next as Pick<TicketEntity, 'OwnedBy'>)
  if (previous && ownerOf(previous) === owner) {
    return
  }
  const fields = newOwner(readFieldsOfEntity(next), owner > 0 && owner === actorId, at)
  Object.assign(next, {
    ReadStatus: fields.readStatus,
    ReadByOwner: fields.readByOwner,
    FirstReadByOwner: fields.firstReadByOwner,
    FirstReadByUser: fields.firstReadByUser,
    ReadByCustomer: fields.readByCustomer,
  })
}

function readFieldsOfEntity(ticket: Record<string, unknown>): ReadFields {
  const date = (value: unknown) => (typeof value === 'string' ? value : null)
  return {
    readStatus: (ticket.ReadStatus as ReadFields['readStatus']) ?? 'Unknown',
    readByOwner: date(ticket.ReadByOwner),
    firstReadByOwner: date(ticket.FirstReadByOwner),
    firstReadByUser: date(ticket.FirstReadByUser),
    readByCustomer: date(ticket.ReadByCustomer),
  }
}
