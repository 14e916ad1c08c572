import type { ColumnsProjection, TableProjection } from '@ticket/codegen'

type Row = Record<string, unknown>

interface Plan {
  columns: [property: string, key: string, optional: boolean][]
  references: [property: string, key: string, carrierKey: string][]
}

/**
 * A projection's three mappings as straight-line code, one statement per property, each
 * reading and writing its property by name. A loop over the projection's entries reads every
 * property through one generic site that sees every shape (megamorphic in V8); a create maps
 * its ticket three times. Names come from the generated projection, never from input, and are
 * written as JSON string literals.
 */
interface Compiled {
  columnsInto: (out: Row, from: Row) => Row
  referenceIds: (row: Row) => Record<string, number | null>
  propertiesToRow: (values: Row) => Row
}

// Projections are generated constants: their mappings are compiled once, not walked per row.
const compiled = new WeakMap<ColumnsProjection, Compiled>()

function planOf(projection: ColumnsProjection): Plan {
  const optional = new Set(projection.optional)
  return {
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
}

const literal = (name: string) => JSON.stringify(name)

function compile(plan: Plan): Compiled {
  const into = plan.columns.map(([property, key, optional]) =>
    optional
      ? `v = from[${literal(key)}]; if (v !== null && v !== undefined) out[${literal(property)}] = v;`
      : `v = from[${literal(key)}]; out[${literal(property)}] = v === undefined ? null : v;`
  )
  const ids = plan.references.map(
    ([property, key]) =>
      `v = row[${literal(key)}]; out[${literal(property)}] = typeof v === 'number' ? v : null;`
  )
  const toRow = [
    ...plan.columns.map(
      ([property, key]) =>
        `if (${literal(property)} in values) { v = values[${literal(property)}]; row[${literal(key)}] = v === undefined ? null : v; }`
    ),
    ...plan.references.map(
      ([property, key, carrierKey]) =>
        `if (${literal(property)} in values) { v = values[${literal(property)}]; v = v !== null && typeof v === 'object' ? v[${literal(carrierKey)}] : undefined; row[${literal(key)}] = typeof v === 'number' && v > 0 ? v : null; }`
    ),
  ]
  return {
    columnsInto: new Function(
      'out',
      'from',
      `let v;\n${into.join('\n')}\nreturn out;`
    ) as Compiled['columnsInto'],
    referenceIds: new Function(
      'row',
      `const out = {}; let v;\n${ids.join('\n')}\nreturn out;`
    ) as Compiled['referenceIds'],
    propertiesToRow: new Function(
      'values',
      `const row = {}; let v;\n${toRow.join('\n')}\nreturn row;`
    ) as Compiled['propertiesToRow'],
  }
}

function compiledOf(projection: ColumnsProjection): Compiled {
  let mappers = compiled.get(projection)
  if (!mappers) {
    mappers = compile(planOf(projection))
    compiled.set(projection, mappers)
  }
  return mappers
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
  return compiledOf(projection).columnsInto(out, row)
}

/** Reference ids of a row by property (`OwnedBy` → the `ownedById` value or null). */
export function referenceIds(
  projection: ColumnsProjection,
  row: Row
): Record<string, number | null> {
  return compiledOf(projection).referenceIds(row)
}

/**
 * The row values for the given wire properties: plain columns as they are, carriers by their id
 * (`OwnedBy: { AssociateId: 5 }` → `ownedById: 5`). Properties absent from `values` are absent.
 */
export function propertiesToRow(projection: ColumnsProjection, values: Row): Row {
  return compiledOf(projection).propertiesToRow(values)
}

/**
 * The key property of the carrier each property holds, for its references (`Person` →
 * `PersonId`) and its links (`SecondaryPersons` → `PersonId`).
 */
export function carrierKeysOf(projection: TableProjection): Readonly<Record<string, string>> {
  return Object.fromEntries(
    [...Object.entries(projection.references), ...Object.entries(projection.links)].map(
      ([property, { carrierKey }]) => [property, carrierKey]
    )
  )
}
