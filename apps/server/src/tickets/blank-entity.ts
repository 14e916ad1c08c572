import type { TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { TicketEntity } from '@ticket/schema'
import { copyJson } from '../input/copy-json.ts'

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
 * How to make a fresh copy of an array or object empty value: `[]` and `{}` literally (what the
 * schema gives for every such property today), anything fuller by cloning it. Building it with
 * TypeBox on every save walked the schema each time.
 */
function freshCopyOf(value: object): () => unknown {
  if (Array.isArray(value) && value.length === 0) {
    return () => []
  }
  if (!Array.isArray(value) && Object.keys(value).length === 0) {
    return () => ({})
  }
  return () => copyJson(value)
}

// Every property but the two derived per caller, in schema order: primitives at their empty
// value (shared safely), arrays and objects with a maker of a fresh one (callers may change it).
const properties = (Object.entries(TicketEntity.properties) as [string, TSchema][])
  .filter(([name]) => name !== 'TableRight' && name !== 'FieldProperties')
  .map(([name, schema]) => ({ name, value: emptyValue(schema) }))
const emptyEntity: Record<string, unknown> = {}
const fresh: { name: string; make: () => unknown }[] = []
for (const { name, value } of properties) {
  // Every property is set here, in schema order, so a copy keeps the order answers show.
  emptyEntity[name] = value
  if (value !== null && typeof value === 'object') {
    fresh.push({ name, make: freshCopyOf(value) })
  }
}

/**
 * A TicketEntity with every property at its empty value, derived from the schema, so every
 * response carries every property (see docs/decisions.md).
 */
export function blankTicketEntity(): TicketEntity {
  const out = { ...emptyEntity }
  for (const { name, make } of fresh) {
    out[name] = make()
  }
  return out as TicketEntity
}
