import * as drizzleOrm from 'drizzle-orm'
import { Column, is, SQL, Subquery } from 'drizzle-orm'

/** A selected field as Drizzle's prepared queries keep it: where it goes and what it reads. */
export interface SelectedField {
  path: string[]
  field: unknown
}

/** Drizzle's own row mapping: exported by the package, though its types leave it out. */
const mapResultRow = (
  drizzleOrm as unknown as {
    mapResultRow(fields: SelectedField[], row: unknown[], joins: unknown): Record<string, unknown>
  }
).mapResultRow

interface Decoder {
  mapFromDriverValue(value: unknown): unknown
}

/** The decoder Drizzle's `mapResultRow` picks for a field, picked once here. */
function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) {
    return field
  }
  // `decoder` is Drizzle's and internal to its types.
  type Decoded = { decoder: Decoder }
  if (is(field, SQL)) {
    return (field as unknown as Decoded).decoder
  }
  if (is(field, Subquery)) {
    return (field as unknown as { _: { sql: Decoded } })._.sql.decoder
  }
  return (field as { sql: Decoded }).sql.decoder
}

/**
 * Turns a statement's rows (arrays, in field order) into objects the way Drizzle's `mapResultRow`
 * does, with each field's decoder and name worked out once instead of on every row. Rows with
 * nested paths (a join's per-table objects, which Drizzle may nullify) keep Drizzle's mapping.
 */
export function compileRowMapper(
  fields: SelectedField[],
  joinsNotNullableMap: Record<string, boolean> | undefined
): (row: unknown[]) => Record<string, unknown> {
  // Drizzle nullifies only nested (joined) tables' objects: flat rows never need it.
  if (fields.some((f) => f.path.length !== 1)) {
    return (row) => mapResultRow(fields, row, joinsNotNullableMap)
  }
  const names = fields.map((f) => f.path[0] as string)
  const decoders = fields.map((f) => decoderOf(f.field))
  return (row) => {
    const result: Record<string, unknown> = {}
    for (let i = 0; i < names.length; i++) {
      const raw = row[i]
      result[names[i] as string] =
        raw === null ? null : (decoders[i] as Decoder).mapFromDriverValue(raw)
    }
    return result
  }
}
