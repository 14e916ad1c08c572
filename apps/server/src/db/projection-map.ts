import type { ColumnsProjection } from '@ticket/codegen'

type Row = Record<string, unknown>

interface Plan {
  columns: [property: string, key: string, optional: boolean][]
  references: [property: string, key: string, carrierKey: string][]
}

// Projections are generated constants: their entries are listed once, not on every row.
const plans = new WeakMap<ColumnsProjection, Plan>()

function planOf(projection: ColumnsProjection): Plan {
  let plan = plans.get(projection)
  if (!plan) {
    const optional = new Set(projection.optional)
    plan = {
      columns: Object.entries(projection.columns).map(([property, key]) => [
        property,
        key,
        optional.has(property),
      ]),
      references: Object.entries(projection.references).map(([property, reference]) => [
        property,
        reference.key,
        reference.carrierKey,
      ]),
    }
    plans.set(projection, plan)
  }
  return plan
}

/**
 * Plain columns of a row as wire properties (`ticketId` → `TicketId`), following the generated
 * projection. NULL becomes `null` for nullable properties and is left out for optional ones.
 * @example columnsToProperties(ticketsProjection, row).Title
 */
export function columnsToProperties(projection: ColumnsProjection, row: Row): Row {
  return columnsInto({}, projection, row)
}

/**
 * {@link columnsToProperties} written into `out` (an entity already holding every property's
 * empty value): an optional property whose column is NULL keeps the value `out` has.
 */
export function columnsInto(out: Row, projection: ColumnsProjection, row: Row): Row {
  for (const [property, key, optional] of planOf(projection).columns) {
    const value = row[key]
    if (value === null || value === undefined) {
      if (!optional) {
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
  for (const [property, key] of planOf(projection).references) {
    const value = row[key]
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
  const plan = planOf(projection)
  for (const [property, key] of plan.columns) {
    if (property in values) {
      row[key] = values[property] ?? null
    }
  }
  for (const [property, key, carrierKey] of plan.references) {
    if (!(property in values)) {
      continue
    }
    const carrier = values[property]
    const id =
      carrier !== null && typeof carrier === 'object' ? (carrier as Row)[carrierKey] : undefined
    row[key] = typeof id === 'number' && id > 0 ? id : null
  }
  return row
}
