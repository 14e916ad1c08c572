import type { TSchema } from '@sinclair/typebox'
import sample from '../entities/fixtures/post-ticket-sample.json' with { type: 'json' }
import { TicketEntity } from '../entities/ticket-entity.ts'
import { inputSchemaOf, inputValueOf } from './input-schema.ts'

const input = inputSchemaOf(TicketEntity)

/**
 * What a client sends to save a ticket (POST, PUT, and a Merge Patch): TicketEntity with every
 * property optional at every level and the read-only ones left out. Derived from TicketEntity.
 * Properties it does not name are ignored by the server and listed in the response header
 * `X-Ignored-Properties`. A new ticket needs `Title`.
 * @example Value.Check(TicketEntityInput, { Title: 'Printer on fire', Priority: { Id: 2 } }) // true
 */
export const TicketEntityInput: TSchema = {
  ...input,
  $id: 'TicketEntityInput',
  description:
    'A ticket to save: every property optional, read-only ones absent. A new ticket needs `Title`; properties not listed here are ignored and named in `X-Ignored-Properties`.',
  // The reference sample of the save, without what a client cannot send: the example /docs shows.
  examples: [inputValueOf(input, sample)],
}
