import type { Static } from '@sinclair/typebox'
import { StringEnum } from '../common/types.ts'

/** Numeric values of SuperOffice's `TicketReadStatus`, by name. */
export const ReadStatusValues = { Unknown: 0, Green: 1, Yellow: 2, Red: 3 } as const

/**
 * Whether the owner has read the ticket (green), not read new information (yellow) or not read it at all (red).
 * @example 'Green'
 */
export const ReadStatus = StringEnum('TicketReadStatus', ReadStatusValues, {
  description:
    'Whether the owner has read the ticket (green), not read new information (yellow) or not read it at all (red).',
})
export type ReadStatus = Static<typeof ReadStatus>
