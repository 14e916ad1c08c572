import { type Static, Type } from '@sinclair/typebox'
import { Bool, Describe, Int32 } from '../common/types.ts'
import { TicketEntity } from './ticket-entity.ts'

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
