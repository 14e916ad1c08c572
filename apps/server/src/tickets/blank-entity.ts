import type { TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { TicketEntity } from '@ticket/schema'

/** The empty value of one property: carriers and dates null, numbers 0, arrays [], enums their zero name. */
function emptyValue(schema: TSchema): unknown {
  if (Array.isArray(schema.anyOf)) {
    return null
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return 0
  }
  return Value.Create(schema)
}

// Per property, its empty value when that is a primitive (shared safely), or its schema when it
// is an array or object (created anew for every entity, which callers may change).
const template = (Object.entries(TicketEntity.properties) as [string, TSchema][])
  .filter(([name]) => name !== 'TableRight' && name !== 'FieldProperties')
  .map(([name, schema]) => {
    const value = emptyValue(schema)
    return value !== null && typeof value === 'object'
      ? { name, schema }
      : { name, value, schema: undefined }
  })

/**
 * A TicketEntity with every property at its empty value, derived from the schema, so every
 * response carries every property (see docs/decisions.md).
 */
export function blankTicketEntity(): TicketEntity {
  const out: Record<string, unknown> = {}
  for (const { name, value, schema } of template) {
    out[name] = schema ? emptyValue(schema) : value
  }
  return out as TicketEntity
}
