import type { Static } from '@sinclair/typebox'
import { StringEnum } from '../common/types.ts'

/** Numeric values of SuperOffice's `TicketCategoryDelegateMethod`, by name. */
export const DelegateMethodValues = { Unknown: 0, Even: 1, Weighted: 2, Unfair: 3, Not: 4 } as const

/**
 * How a category assigns new tickets: Even (round-robin), Weighted (by member weight), Unfair (fewest open tickets), Not (stay unassigned).
 * @example 'Even'
 */
export const DelegateMethod = StringEnum('TicketCategoryDelegateMethod', DelegateMethodValues, {
  description:
    'How a category assigns new tickets: Even (round-robin), Weighted (by member weight), Unfair (fewest open tickets), Not (stay unassigned).',
})
export type DelegateMethod = Static<typeof DelegateMethod>
