import type { Static } from '@sinclair/typebox'
import { StringEnum } from '../common/types.ts'

/** Numeric values by name. Inferred: the names mirror TicketBaseStatus 1-3, UserDefined 0. */
export const ClosingStatusValues = { UserDefined: 0, Active: 1, Closed: 2, Postponed: 3 } as const

/**
 * Default status the GUI proposes when a ticket or message in the category is closed.
 * @example 'Closed'
 */
export const ClosingStatus = StringEnum('TicketCategoryClosingStatus', ClosingStatusValues, {
  description:
    'Default status the GUI proposes when a ticket or message in the category is closed.',
})
export type ClosingStatus = Static<typeof ClosingStatus>
