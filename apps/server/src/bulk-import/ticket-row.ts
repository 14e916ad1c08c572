import { ticketsProjection } from '../db/projection.gen.ts'

type Row = Record<string, unknown>

const columns = Object.entries(ticketsProjection.columns).filter(
  ([property]) => property !== 'TicketId'
)
const references = Object.entries(ticketsProjection.references).map(
  ([property, reference]) => [property, reference.key, reference.carrierKey] as const
)

/** The tickets columns (table keys) of a `newTicketRow`, in its order: no TicketId. */
export const newTicketColumns: string[] = [
  ...columns.map(([, key]) => key),
  ...references.map(([, key]) => key),
]

/**
 * The tickets row of a new ticket as `propertiesToRow(ticketsProjection, …)` makes it, but as
 * values in `newTicketColumns` order: the import builds a million of them and hands them to the
 * thread that writes them, and an array of values is cheaper to build and to pass than an object
 * with named keys. Plain columns as they are, carriers by their id (0 or absent: null).
 */
export function newTicketRow(values: Row): unknown[] {
  const row: unknown[] = new Array(newTicketColumns.length)
  let at = 0
  for (const [property] of columns) {
    row[at++] = values[property] ?? null
  }
  for (const [property, , carrierKey] of references) {
    const carrier = values[property]
    const id =
      carrier !== null && typeof carrier === 'object' ? (carrier as Row)[carrierKey] : undefined
    row[at++] = typeof id === 'number' && id > 0 ? id : null
  }
  return row
}
