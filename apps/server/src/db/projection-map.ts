import type { ColumnsProjection } from '@ticket/codegen'

type Row = Record<string, unknown>

/**
 * Plain columns of a row as wire properties (`ticketId` → `TicketId`), following the generated
 * projection. NULL becomes `null` for nullable properties and is left out for optional ones.
 * @example columnsToProperties(ticketsProjection, row).Title
 */
export function columnsToProperties(projection: ColumnsProjection, row: Row): Row {
  const out: Row = {}
  const optional = new Set(projection.optional)
  for (const [property, key] of Object.entries(projection.columns)) {
    const value = row[key]
    if (value === null || value === undefined) {
      if (!optional.has(property)) {
        out[property] = null
      }
      continue
    }
    out[property] = value
  }
  return out
}

/** Reference ids of a row by property (`OwnedBy` → the `ownedById` value or null). */
export function referenceIds(
  projection: ColumnsProjection,
  row: Row
): Record<string, number | null> {
  const out: Record<string, number | null> = {}
  for (const [property, reference] of Object.entries(projection.references)) {
    const value = row[reference.key]
    out[property] = typeof value === 'number' ? value : null
  }
  return out
}

/**
 * The row values for the given wire properties: plain columns as they are, carriers by their id
 * (`OwnedBy: { AssociateId: 5 }` → `ownedById: 5`). Properties absent from `values` are absent.
 */
export function propertiesToRow(projection: ColumnsProjection, values: Row): Row {
  const row: Row = {}
  for (const [property, key] of Object.entries(projection.columns)) {
    if (property in values) {
      row[key] = values[property] ?? null
    }
  }
  for (const [property, reference] of Object.entries(projection.references)) {
    if (!(property in values)) {
      continue
    }
    const carrier = values[property]
    const id =
      carrier !== null && typeof carrier === 'object'
        ? (carrier as Row)[reference.carrierKey]
        : undefined
    row[reference.key] = typeof id === 'number' && id > 0 ? id : null
  }
  return row
}
