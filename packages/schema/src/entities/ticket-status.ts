import { type Static, Type } from '@sinclair/typebox'
import { rightsProperties } from '../common/rights.ts'
import { Bool, Describe, Int32, Text } from '../common/types.ts'
import { BaseStatus } from '../enums/base-status.ts'
import { TimeCounter } from '../enums/time-counter.ts'

/**
 * A user-defined ticket status, mapped onto a base status.
 * @example { TicketStatusId: 1, Name: 'Open', Status: 'Active', TimeCounter: 'Internally' }
 */
export const TicketStatusEntity = Type.Object(
  {
    TicketStatusId: Int32('Primary key'),
    Name: Text('The name of the status; may be a multi-language value.', 255),
    Status: Describe(BaseStatus, 'The base status this status belongs to.'),
    TimeCounter: Describe(TimeCounter, 'Which time counter runs while a ticket has this status.'),
    NoEmailReopen: Bool('If true, a new email to a ticket with this status does not reopen it.'),
    IsDefault: Bool('Whether this is the default status for its base status.'),
    UsedInQueue: Bool('Whether this status is used in GetNext (queue) calculations.'),
    ...rightsProperties(),
  },
  { $id: 'TicketStatusEntity', description: 'A ticket status.' }
)
export type TicketStatusEntity = Static<typeof TicketStatusEntity>
