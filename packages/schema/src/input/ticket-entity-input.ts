import type { TSchema } from '@sinclair/typebox'
import { TicketEntity } from '../entities/ticket-entity.ts'
import { inputSchemaOf } from './input-schema.ts'

/**
 * What a client sends to save a ticket (POST, PUT, and a Merge Patch): TicketEntity with every
 * property optional at every level and the read-only ones left out. Derived from TicketEntity.
 * Properties it does not name are ignored by the server and listed in the response header
 * `X-Ignored-Properties`. A new ticket needs `Title`.
 * @example Value.Check(TicketEntityInput, { Title: 'Printer on fire', Priority: { Id: 2 } }) // true
 */
export const TicketEntityInput: TSchema = {
  ...inputSchemaOf(TicketEntity),
  $id: 'TicketEntityInput',
  description:
    'A ticket to save: every property optional, read-only ones absent. A new ticket needs `Title`; properties not listed here are ignored and named in `X-Ignored-Properties`.',
}
