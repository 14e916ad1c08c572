import { ticketsProjection } from '../db/projection.gen.ts'

type Row = Record<string, unknown>

const columns = Object.entries(ticketsProjection.columns).filter(
  ([property]) => property !== 'TicketId'
)
const references = Object.entries(ticketsProjection.references).map(
  ([property, reference]) => [property, reference.key, reference.carrierKey] as const
)

/**
 * The tickets row of a new ticket, as `propertiesToRow(ticketsProjection, …)` makes it, with
 * the projection's pairs listed once instead of per call: the import builds a million of them.
 * Plain columns as they are, carriers by their id (0 or absent: null), no TicketId.
 */
export function newTicketRow(values: Row): Row {
  const row: Row = {}
  for (const [property, key] of columns) {
    if (property in values) {
      row[key] = values[property] ?? null
    }
  }
  for (const [property, key, carrierKey] of references) {
    if (property in values) {
      const carrier = values[property]
      const id =
        carrier !== null && typeof carrier === 'object' ? (carrier as Row)[carrierKey] : undefined
      row[key] = typeof id === 'number' && id > 0 ? id : null
    }
  }
  return row
}
