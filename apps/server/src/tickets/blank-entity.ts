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

/**
 * A TicketEntity with every property at its empty value, derived from the schema, so every
 * response carries every property (see docs/decisions.md).
 */
export function blankTicketEntity(): TicketEntity {
  const out: Record<string, unknown> = {}
  for (const [name, schema] of Object.entries(TicketEntity.properties) as [string, TSchema][]) {
    if (name !== 'TableRight' && name !== 'FieldProperties') {
      out[name] = emptyValue(schema)
    }
  }
  return out as TicketEntity
}
