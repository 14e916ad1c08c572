import type { Static } from '@sinclair/typebox'
import { StringEnum } from '../common/types.ts'

/** Numeric values of SuperOffice's `TicketSecurityLevel`, by name. */
export const SlevelValues = { Unknown: 0, Internal: 1, External: 2 } as const

/**
 * Security level of a ticket or message: internal (staff only) or external (visible to the customer).
 * @example 'External'
 */
export const Slevel = StringEnum('TicketSecurityLevel', SlevelValues, {
  description:
    'Security level of a ticket or message: internal (staff only) or external (visible to the customer).',
})
export type Slevel = Static<typeof Slevel>
