import type { TSchema } from '@sinclair/typebox'
import { RIGHTS } from '@ticket/schema'
import { columnsToProperties } from '../db/projection-map.ts'
import type { CarrierKindSpec } from './carrier-kinds.ts'

const rights = new Set<string>(RIGHTS)

const isArray = (schema: TSchema | undefined) => schema?.type === 'array'

/**
 * A wire carrier from its row, generically: the projection maps row keys to properties, storage-
 * only columns (password hashes, default flags, member lists) are dropped because the carrier
 * schema does not name them, derived properties are added and unstored arrays are `[]`. Nested
 * carriers (references) are filled by the caller. Rights are left to the caller too.
 */
export function carrierFromRow(
  spec: CarrierKindSpec,
  row: Record<string, unknown>
): Record<string, unknown> {
  const stored = columnsToProperties(spec.projection, row)
  const derived = spec.derive?.(stored) ?? {}
  const carrier: Record<string, unknown> = {}
  for (const [property, schema] of Object.entries(spec.schema.properties)) {
    if (rights.has(property)) {
      continue
    }
    if (property in derived) {
      carrier[property] = derived[property]
    } else if (property in stored) {
      carrier[property] = stored[property]
    } else if (isArray(schema)) {
      carrier[property] = []
    }
  }
  return carrier
}
