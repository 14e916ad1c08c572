import type { Static } from '@sinclair/typebox'
import { StringEnum } from '../common/types.ts'

/** How a message reached the ticket, by name; the numbers are this service's own. */
export const TicketMessageTypeValues = {
  Unknown: 0,
  Email: 1,
  Note: 2,
  Phone: 3,
  Chat: 4,
  SMS: 5,
  Form: 6,
  Web: 7,
} as const

/**
 * How a message reached the ticket: an email, an internal note, a phone call written down, …
 * @example 'Email'
 */
export const TicketMessageType = StringEnum('TicketMessageType', TicketMessageTypeValues, {
  description:
    'How a message reached the ticket: an email, an internal note, a phone call written down, …',
})
export type TicketMessageType = Static<typeof TicketMessageType>
