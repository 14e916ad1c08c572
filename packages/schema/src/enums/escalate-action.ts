import type { Static } from '@sinclair/typebox'
import { StringEnum } from '../common/types.ts'

/** Numeric values by name. The numbers are inferred from the documented order. */
export const EscalateActionValues = { None: 0, Stop: 1, Continue: 2, Restart: 3 } as const

/**
 * What an event does to the escalation chain of a ticket.
 * @example 'Stop'
 */
export const EscalateAction = StringEnum('TicketPriorityEscalateAction', EscalateActionValues, {
  description: 'What an event does to the escalation chain of a ticket.',
})
export type EscalateAction = Static<typeof EscalateAction>
