import type { TSchema } from '@sinclair/typebox'
import { mergePatchSchemaOf } from './merge-patch-schema.ts'
import { TicketEntityInput } from './ticket-entity-input.ts'

/**
 * An `application/merge-patch+json` body for a ticket (POST and PATCH): TicketEntityInput whose
 * `null`s clear the properties a ticket may leave empty. Derived from TicketEntityInput.
 * @example Value.Check(TicketEntityMergePatch, { Deadline: null }) // true
 */
export const TicketEntityMergePatch: TSchema = mergePatchSchemaOf(
  TicketEntityInput,
  'TicketEntityMergePatch'
)
