import { type Static, Type } from '@sinclair/typebox'
import { Int32, Text } from '../common/types.ts'

/**
 * A found ticket as SuperOffice's CustomerService agent lists it: ids and display names.
 * @example { TicketId: 7, Title: 'Printer on fire', OwnerName: 'Anna Berg', CategoryName: 'Support', PriorityName: 'High', TicketUrl: 'http://127.0.0.1:8787/api/v1/Ticket/7', PersonName: '', ContactName: '', MailboxId: 0 }
 */
export const TicketInfo = Type.Object(
  {
    TicketId: Int32('The id of the ticket'),
    Title: Text('The title/subject of the ticket', 255),
    OwnerName: Text('The name of the owner; empty when unassigned', 255),
    CategoryName: Text('The name of the category', 255),
    PriorityName: Text('The name of the priority', 255),
    TicketUrl: Text('Where the ticket is read', 2000),
    PersonName: Text('The name of the customer (person)', 255),
    ContactName: Text("The name of the customer's company", 255),
    MailboxId: Int32('The mailbox the ticket came in by; 0: none'),
  },
  { $id: 'TicketInfo', description: 'A found ticket, as the CustomerService agent lists it.' }
)
export type TicketInfo = Static<typeof TicketInfo>

/**
 * Body of `POST /api/v1/Agents/CustomerService/FindTicketsByTitleOrId`.
 * @example { TitleOrId: 'printer on fire', MaxRows: 10 }
 */
export const FindTicketsByTitleOrIdRequest = Type.Object(
  {
    TitleOrId: Type.String({
      description:
        'Words to search titles and message bodies for; a number also finds the ticket with that id.',
      maxLength: 1000,
    }),
    MaxRows: Type.Integer({
      minimum: 0,
      maximum: 500,
      description: 'The maximum number of rows to be returned (at most 500).',
    }),
  },
  { $id: 'FindTicketsByTitleOrIdRequest', description: 'Find tickets by title or id.' }
)
export type FindTicketsByTitleOrIdRequest = Static<typeof FindTicketsByTitleOrIdRequest>
