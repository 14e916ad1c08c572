import { type Static, Type } from '@sinclair/typebox'
import { Bool, Describe, Int32 } from '../common/types.ts'
import { ReadStatus } from '../enums/read-status.ts'
import { TicketEntity } from './ticket-entity.ts'
import { TicketMessageEntity } from './ticket-message.ts'

/**
 * Body of `POST /api/v1/Agents/Ticket/SaveTicketEntityWithNotify`.
 * @example { NewEntity: { TicketId: 0, Title: 'Help' }, Notify: true }
 */
export const SaveTicketEntityWithNotifyRequest = Type.Object(
  {
    NewEntity: Describe(TicketEntity, 'The ticket to save.'),
    Notify: Bool('If true, then the notifications will be sent.'),
  },
  { $id: 'SaveTicketEntityWithNotifyRequest', description: 'Save a ticket and notify.' }
)
export type SaveTicketEntityWithNotifyRequest = Static<typeof SaveTicketEntityWithNotifyRequest>

/** Body of `POST /api/v1/Agents/Ticket/DeleteTicketEntity`. */
export const DeleteTicketEntityRequest = Type.Object(
  { TicketEntityId: Int32('The id of the ticket to delete.') },
  { $id: 'DeleteTicketEntityRequest', description: 'Delete a ticket.' }
)
export type DeleteTicketEntityRequest = Static<typeof DeleteTicketEntityRequest>

/** Body of `POST /api/v1/Agents/Ticket/NotifyNewTicket`. */
export const NotifyNewTicketRequest = Type.Object(
  { TicketEntityId: Int32('The id of the ticket to send new-ticket notifications for.') },
  { $id: 'NotifyNewTicketRequest', description: 'Send new-ticket notifications.' }
)
export type NotifyNewTicketRequest = Static<typeof NotifyNewTicketRequest>

/** Body of `POST /api/v1/Agents/Ticket/GetTickets`. */
export const GetTicketsRequest = Type.Object(
  {
    TicketIds: Type.Array(Int32('A ticket id.'), {
      description: 'The ids of the tickets to get.',
      maxItems: 1000,
    }),
  },
  { $id: 'GetTicketsRequest', description: 'Get several flat tickets.' }
)
export type GetTicketsRequest = Static<typeof GetTicketsRequest>

/**
 * Body of `POST /api/v1/Agents/Ticket/SaveTicketMessageEntityWithNotify`.
 * @example { NewEntity: { TicketId: 12, Body: 'Thanks!', Slevel: 'External' }, Notify: true }
 */
export const SaveTicketMessageEntityWithNotifyRequest = Type.Object(
  {
    NewEntity: Describe(TicketMessageEntity, 'The message to save.'),
    Notify: Bool('If true, the ticket owner is notified of the new message.'),
  },
  {
    $id: 'SaveTicketMessageEntityWithNotifyRequest',
    description: 'Save a ticket message and notify.',
  }
)
export type SaveTicketMessageEntityWithNotifyRequest = Static<
  typeof SaveTicketMessageEntityWithNotifyRequest
>

/**
 * Body of `POST /api/v1/Agents/Ticket/SetTicketReadByOwner`. `Unknown` does nothing.
 * @example { TicketId: 12, ReadStatus: 'Green' }
 */
export const SetTicketReadByOwnerRequest = Type.Object(
  {
    TicketId: Int32('The ticket whose read status the owner sets.'),
    ReadStatus: Describe(ReadStatus, 'Green marks it read; Red or Yellow marks it unread.'),
  },
  { $id: 'SetTicketReadByOwnerRequest', description: 'Set the owner read status of a ticket.' }
)
export type SetTicketReadByOwnerRequest = Static<typeof SetTicketReadByOwnerRequest>
