import { type Static, Type } from '@sinclair/typebox'
import { rightsProperties } from '../common/rights.ts'
import { DateTime, Describe, Int32, Text } from '../common/types.ts'
import { BaseStatus } from '../enums/base-status.ts'
import { Origin } from '../enums/origin.ts'
import { ReadStatus } from '../enums/read-status.ts'
import { Slevel } from '../enums/slevel.ts'

/**
 * The flat ticket carrier of `GET /api/v1/Ticket/{id}/Simple` and the GetTicket(s) agent calls:
 * integer ids plus display names instead of nested carriers.
 * @example { TicketId: 123, Title: 'Printer on fire', OwnedBy: 1, OwnedByName: 'System' }
 */
export const Ticket = Type.Object(
  {
    TicketId: Int32('Primary key'),
    Title: Text('The title of the ticket.', 255),
    CreatedAt: DateTime({ description: 'When the ticket was created.' }),
    LastChanged: DateTime({ description: 'The last time the ticket was modified.' }),
    CreatedBy: Int32(
      'The associate who created the ticket; 1 (system user) if created externally.'
    ),
    CreatedByName: Text('Name of the associate who created the ticket.', 255),
    OwnedBy: Int32(
      'The associate who owns the ticket; 1 (system user) if the ticket is unassigned.'
    ),
    OwnedByName: Text('Name of the owner.', 255),
    Category: Int32('The category id.'),
    CategoryName: Text('The category name.', 255),
    CategoryFullname: Text('The full path name of the category.', 1000),
    Priority: Int32('The priority id.'),
    PriorityName: Text('The priority name.', 255),
    BaseStatus: Describe(BaseStatus, 'The base status of the ticket.'),
    TicketStatus: Int32('The ticket status id.'),
    TicketStatusDisplayValue: Text('The ticket status name.', 255),
    Deadline: DateTime({ description: 'Deadline for ticket.' }),
    Activate: DateTime({ description: 'When the ticket should be activated, if it is postponed.' }),
    ClosedAt: DateTime({ description: 'When the ticket was closed.' }),
    PersonId: Int32('The primary person of the ticket; 0 if none.'),
    PersonFullName: Text('Full name of the primary person.', 255),
    CustId: Int32('The customer (person) id; -1 if not connected.'),
    ContactId: Int32('The company of the primary person.'),
    ContactName: Text('Name of the company of the primary person.', 255),
    OwnedByAssociateId: Int32('The associate id of the owner; 0 if unassigned.'),
    SaleId: Int32('The connected sale; 0 if none.'),
    ProjectId: Int32('The connected project; 0 if none.'),
    SaleHeading: Text('Heading of the connected sale.', 255),
    ProjectName: Text('Name of the connected project.', 255),
    FormSubmissionId: Int32('The form submission the ticket was created from; 0 if none.'),
    Slevel: Describe(Slevel, 'The securitylevel of the ticket.'),
    Origin: Describe(Origin, 'What is the origin of this ticket'),
    NumReplies: Int32('The number of replies (messages) to the customer for this request.'),
    NumMessages: Int32('The total number of messages for this request.'),
    TimeToReply: Int32('Minutes from creation to the first reply, within the priority timeframe.'),
    TimeToClose: Int32('Minutes from creation to close, within the priority timeframe.'),
    ConnectId: Int32('The id of the master ticket, if connected to another ticket.'),
    ReadStatus: Describe(ReadStatus, 'Whether the owner has read the ticket (red, yellow, green).'),
    ...rightsProperties(),
  },
  { $id: 'Ticket', description: 'A ticket, flat: ids and display names.' }
)
export type Ticket = Static<typeof Ticket>
