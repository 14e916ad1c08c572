import type { TSchema } from '@sinclair/typebox'
import { type FieldProperties, type TableRight, TicketEntity } from '@ticket/schema'
import type { Caller } from '../auth/caller.ts'
import { hasFullRights } from '../auth/full-rights.ts'
import { dotNetTypeOf } from '../http/field-types.ts'
import { withSharedJson } from '../http/json-text.ts'

/**
 * What a caller may do with tickets: associates select, insert and update; only associates
 * with full rights delete (the delete route enforces the same rule).
 */
export function ticketTableRight(caller: Caller): TableRight {
  return hasFullRights(caller) ? { Mask: 'FULL', Reason: '' } : { Mask: 'URI', Reason: '' }
}

/**
 * All of the caller that a ticket's TableRight and FieldProperties depend on: callers with one
 * key get the same rights, so a ticket answer made for one may be given to the other.
 */
export const rightsKeyOf = (caller: Caller): string => (hasFullRights(caller) ? 'full' : 'limited')

export const mayDeleteTickets = (caller: Caller) => hasFullRights(caller)

// FieldProperties depend only on the schema and the kind of caller: computed (and their JSON
// text with them) once per pair.
const cache = new WeakMap<TSchema, Map<boolean, FieldProperties>>()

/**
 * One entry per property of an entity schema: its right, .NET type and length (see docs/decisions.md).
 * `primaryKey` and read-only properties are read-only; `mandatory` ones carry `UIHintMandatory`.
 */
export function entityFieldProperties(
  entity: TSchema & { properties: Record<string, TSchema> },
  caller: Caller,
  primaryKey: string,
  mandatory: readonly string[] = []
): FieldProperties {
  let byKind = cache.get(entity)
  if (!byKind) {
    byKind = new Map()
    cache.set(entity, byKind)
  }
  const cached = byKind.get(hasFullRights(caller))
  if (cached) {
    return cached
  }
  const out: FieldProperties = {}
  for (const [name, schema] of Object.entries(entity.properties)) {
    const readOnly = schema.readOnly === true || name === primaryKey
    const nullable = Array.isArray(schema.anyOf)
    const mask = [
      readOnly ? 'Read' : 'Update',
      ...(nullable ? ['Nullable'] : []),
      ...(mandatory.includes(name) ? ['UIHintMandatory'] : []),
      ...(readOnly ? ['UIHintReadOnly'] : []),
    ].join(', ')
    const length = typeof schema.maxLength === 'number' ? schema.maxLength : 0
    out[name] = {
      FieldRight: { Mask: mask, Reason: '' },
      FieldType: dotNetTypeOf(schema),
      FieldLength: length,
    }
  }
  byKind.set(hasFullRights(caller), withSharedJson(out))
  return out
}

/** FieldProperties of TicketEntity: `Title` is mandatory. */
export const ticketFieldProperties = (caller: Caller) =>
  entityFieldProperties(TicketEntity, caller, 'TicketId', ['Title'])
