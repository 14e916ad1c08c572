import { type Static, Type } from '@sinclair/typebox'
import { DateTime, Int32, Nullable, Text } from '../common/types.ts'

/**
 * One field of a change: its value before and after, as text (a carrier by its id, a list by
 * its ids joined with commas, an empty value as null).
 * @example { Field: 'OwnedBy', From: '3', To: '7' }
 */
export const TicketFieldChange = Type.Object(
  {
    Field: Text('The property name, as in TicketEntity or TicketMessageEntity.', 100),
    From: Nullable(Type.String(), { description: 'The value before the change.' }),
    To: Nullable(Type.String(), { description: 'The value after the change.' }),
  },
  { $id: 'TicketFieldChange', description: 'One changed field.' }
)
export type TicketFieldChange = Static<typeof TicketFieldChange>

/**
 * One committed change to a ticket or one of its messages: who, when, through which route, and
 * which fields went from what to what.
 * @example { HistoryId: 9, TicketId: 12, TicketMessageId: 0, At: '2026-03-02T09:00:00Z', AssociateId: 3, Route: 'PUT /api/v1/Ticket/:id', Changes: [{ Field: 'Title', From: 'Printer', To: 'Printer on fire' }] }
 */
export const TicketHistoryEntry = Type.Object(
  {
    HistoryId: Int32('Primary key; later changes have larger ids.'),
    TicketId: Int32('The ticket that changed.'),
    TicketMessageId: Int32('The message that was added or changed; 0 for a change to the ticket.'),
    At: DateTime({ description: 'When the change was committed.' }),
    AssociateId: Int32('Who made the change (1 is the system, e.g. escalation).'),
    Route: Text(
      'What made the change: the HTTP route (`POST /api/v1/Ticket`) or a background task (`escalation`).',
      255
    ),
    Changes: Type.Array(TicketFieldChange, { description: 'The fields that changed.' }),
  },
  { $id: 'TicketHistoryEntry', description: 'One committed change to a ticket.' }
)
export type TicketHistoryEntry = Static<typeof TicketHistoryEntry>
