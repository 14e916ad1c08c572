import type { TSchema } from '@sinclair/typebox'
import { TicketMessageEntity } from '../entities/ticket-message.ts'
import { inputSchemaOf } from './input-schema.ts'

/**
 * What a client sends to save a ticket message: TicketMessageEntity with every property optional
 * at every level and the read-only ones left out. Derived from TicketMessageEntity.
 * @example Value.Check(TicketMessageEntityInput, { TicketId: 12, Body: 'Thanks!' }) // true
 */
export const TicketMessageEntityInput: TSchema = {
  ...inputSchemaOf(TicketMessageEntity),
  $id: 'TicketMessageEntityInput',
  description:
    'A ticket message to save: every property optional, read-only ones absent. A new message needs `TicketId` and a body or an attachment.',
}
