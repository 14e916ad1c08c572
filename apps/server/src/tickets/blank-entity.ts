import type { TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { TicketEntity } from '@ticket/schema'

/**
 * A TicketEntity with every property at its empty value, derived from the schema: carriers and
 * dates `null`, arrays `[]`, dictionaries `{}`, enums their first (zero) name, numbers 0.
 */
export function blankTicketEntity(): TicketEntity {
  const out: Record<string, unknown> = {}
  const required = new Set<string>(TicketEntity.required)
  for (const [name, schema] of Object.entries(TicketEntity.properties) as [string, TSchema][]) {
    if (!required.has(name)) {
      continue
    }
    out[name] = Array.isArray(schema.anyOf) ? null : Value.Create(schema)
  }
  return out as TicketEntity
}
