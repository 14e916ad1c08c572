import type { Static } from '@sinclair/typebox'
import { StringEnum } from '../common/types.ts'

/** Numeric values of SuperOffice's `TicketPriorityStatus`, by name. */
export const TicketPriorityStatusValues = { Unknown: 0, Normal: 1, Deleted: 2 } as const

/**
 * Whether a priority is in use (Normal) or deleted.
 * @example 'Normal'
 */
export const TicketPriorityStatus = StringEnum('TicketPriorityStatus', TicketPriorityStatusValues, {
  description: 'Whether a priority is in use (Normal) or deleted.',
})
export type TicketPriorityStatus = Static<typeof TicketPriorityStatus>
