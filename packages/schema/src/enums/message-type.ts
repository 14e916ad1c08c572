import type { Static } from '@sinclair/typebox'
import { StringEnum } from '../common/types.ts'

/** Numeric values of SuperOffice's `TicketMessageType`, by name. */
export const TicketMessageTypeValues = { Unknown: 0, Plain: 1, Html: 2 } as const

/**
 * Whether the message's main body is plain text or HTML.
 * @example 'Html'
 */
export const TicketMessageType = StringEnum('TicketMessageType', TicketMessageTypeValues, {
  description: "Whether the message's main body is plain text or HTML.",
})
export type TicketMessageType = Static<typeof TicketMessageType>
