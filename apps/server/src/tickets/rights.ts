import type { TSchema } from '@sinclair/typebox'
import { type FieldProperties, type TableRight, TicketEntity } from '@ticket/schema'
import type { Caller } from '../auth/caller.ts'
import { dotNetTypeOf } from '../http/field-types.ts'

/**
 * What a caller may do with tickets: associates select, insert and update; only associates
 * with full rights delete (the delete route enforces the same rule).
 */
export function ticketTableRight(caller: Caller): TableRight {
  return caller.isAdmin ? { Mask: 'FULL', Reason: '' } : { Mask: 'URI', Reason: '' }
}

export const mayDeleteTickets = (caller: Caller) => caller.isAdmin

// FieldProperties depend only on the schema and the kind of caller: computed once per kind.
const cache = new Map<boolean, FieldProperties>()

/** One entry per TicketEntity property: its right, .NET type and length (contract §8). */
export function ticketFieldProperties(caller: Caller): FieldProperties {
  const cached = cache.get(caller.isAdmin)
  if (cached) {
    return cached
  }
  const out: FieldProperties = {}
  for (const [name, schema] of Object.entries(TicketEntity.properties) as [string, TSchema][]) {
    const readOnly = schema.readOnly === true || name === 'TicketId'
    const nullable = Array.isArray(schema.anyOf)
    const mask = [
      readOnly ? 'Read' : 'Update',
      ...(nullable ? ['Nullable'] : []),
      ...(name === 'Title' ? ['UIHintMandatory'] : []),
      ...(readOnly ? ['UIHintReadOnly'] : []),
    ].join(', ')
    const length = typeof schema.maxLength === 'number' ? schema.maxLength : 0
    out[name] = {
      FieldRight: { Mask: mask, Reason: '' },
      FieldType: dotNetTypeOf(schema),
      FieldLength: length,
    }
  }
  cache.set(caller.isAdmin, out)
  return out
}
