import type { Static } from '@sinclair/typebox'
import { FlagsEnum } from '../common/types.ts'

/** Numeric values of SuperOffice's `TicketPriorityFlags`, by name. */
export const TicketPriorityFlagsValues = {
  Unknown: 0,
  External: 1,
  Default: 2,
  AlertSchedule: 4,
} as const

/**
 * Priority options, comma-joined flag names; Default marks the default priority.
 * @example 'External, Default'
 */
export const TicketPriorityFlags = FlagsEnum('TicketPriorityFlags', TicketPriorityFlagsValues, {
  description: 'Priority options, comma-joined flag names; Default marks the default priority.',
})
export type TicketPriorityFlags = Static<typeof TicketPriorityFlags>
