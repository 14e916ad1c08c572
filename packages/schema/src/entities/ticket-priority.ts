import { type Static, Type } from '@sinclair/typebox'
import { rightsProperties } from '../common/rights.ts'
import { DateTime, Describe, Int32, Text } from '../common/types.ts'
import { EscalateAction } from '../enums/escalate-action.ts'
import { TicketPriorityFlags } from '../enums/ticket-priority-flags.ts'
import { TicketPriorityStatus } from '../enums/ticket-priority-status.ts'

const workingHour = (day: string, edge: 'start' | 'stop') =>
  DateTime({
    description: `Working hours ${edge} on ${day}; only the time part is used.`,
  })

/**
 * One step of a priority's escalation chain. When `Minutes` of the priority's office hours have
 * passed since the ticket was created, the ticket's `AlertLevel` becomes `Level`, the owner
 * becomes `ReassignTo` when it is set, and the owner hears about it (`TicketEscalated`).
 * @example { Level: 1, Minutes: 240, ReassignTo: 0 }
 */
export const EscalationLevel = Type.Object(
  {
    Level: Int32('The AlertLevel the ticket reaches at this step (1 is the first).', {
      minimum: 1,
    }),
    Minutes: Int32("Office-hour minutes after the ticket's creation when this step fires.", {
      minimum: 0,
    }),
    ReassignTo: Int32(
      'The associate the ticket is reassigned to at this step; 0 keeps the owner.',
      {
        minimum: 0,
      }
    ),
  },
  { $id: 'EscalationLevel', description: 'One step of an escalation chain.' }
)
export type EscalationLevel = Static<typeof EscalationLevel>

const action = (event: string) =>
  Describe(EscalateAction, `What happens to the escalation chain when ${event}.`)

/**
 * A ticket priority with its office hours and escalation rules.
 * @example { TicketPriorityId: 2, Name: 'Medium', Status: 'Normal', Flags: 'Default', SortOrder: 2 }
 */
export const TicketPriorityEntity = Type.Object(
  {
    TicketPriorityId: Int32('Primary key'),
    Name: Text('The name of the priority; may be a multi-language value.', 255),
    Status: Describe(TicketPriorityStatus, 'Whether the priority is in use or deleted.'),
    Flags: Describe(TicketPriorityFlags, 'Priority options as comma-joined flag names.'),
    SortOrder: Int32('Sort order: 1 is first, 100 is last.'),
    TicketRead: action('the ticket is read'),
    ChangedOwner: action('the ticket changes owner'),
    TicketNewinfo: action('the ticket gets new information'),
    TicketClosed: action('the ticket is closed'),
    TicketChangedPriority: action('the ticket changes priority'),
    TicketNew: action('the ticket is created'),
    Deadline: Int32(
      'Office-time minutes to the deadline: from creation for a new ticket sent without one, and added again when an escalation step fires.'
    ),
    MonStart: workingHour('Monday', 'start'),
    MonStop: workingHour('Monday', 'stop'),
    TueStart: workingHour('Tuesday', 'start'),
    TueStop: workingHour('Tuesday', 'stop'),
    WedStart: workingHour('Wednesday', 'start'),
    WedStop: workingHour('Wednesday', 'stop'),
    ThuStart: workingHour('Thursday', 'start'),
    ThuStop: workingHour('Thursday', 'stop'),
    FriStart: workingHour('Friday', 'start'),
    FriStop: workingHour('Friday', 'stop'),
    SatStart: workingHour('Saturday', 'start'),
    SatStop: workingHour('Saturday', 'stop'),
    SunStart: workingHour('Sunday', 'start'),
    SunStop: workingHour('Sunday', 'stop'),
    NonDates: Type.Array(Type.String({ format: 'date-time' }), {
      description: 'Days that are not working days; only day and month are used.',
    }),
    EscalationLevels: Type.Array(EscalationLevel, {
      description: 'The escalation levels of the priority (ticket_alert rows), in level order.',
      maxItems: 100,
    }),
    ...rightsProperties(),
  },
  { $id: 'TicketPriorityEntity', description: 'A ticket priority.' }
)
export type TicketPriorityEntity = Static<typeof TicketPriorityEntity>
