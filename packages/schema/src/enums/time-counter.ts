import type { Static } from '@sinclair/typebox'
import { StringEnum } from '../common/types.ts'

/** Numeric values of SuperOffice's `TicketStatusTimeCounter`, by name. */
export const TimeCounterValues = { None: 0, Internally: 1, Externally: 2, Queue: 3 } as const

/**
 * Which time counter (TimeSpentInternally/Externally/Queue) runs while a ticket has this status.
 * @example 'Internally'
 */
export const TimeCounter = StringEnum('TicketStatusTimeCounter', TimeCounterValues, {
  description:
    'Which time counter (TimeSpentInternally/Externally/Queue) runs while a ticket has this status.',
})
export type TimeCounter = Static<typeof TimeCounter>
