import type { TicketEntity } from '@ticket/schema'
import { getTableColumns } from 'drizzle-orm'
import { ticketsProjection } from '../db/projection.gen.ts'
import { propertiesToRow } from '../db/projection-map.ts'
import { tickets } from '../db/schema.sqlite.gen.ts'
import type { TicketRow } from './ticket-rows.ts'

// Row key → SQL column name, as the generated table declares it (the same in both dialects).
const sqlNames = new Map(Object.entries(getTableColumns(tickets)).map(([key, c]) => [key, c.name]))
const ignored = new Set(['revision', 'lastChanged'])

const isPlainScalar = (value: unknown) =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value))

/**
 * Whether two column values have the same JSON text, without stringifying the common cases: a
 * string, boolean or finite number has a text no other unequal value has, and a plain object or
 * array is never `null` (every column of a new ticket is compared with null). JSON columns and
 * the rest are compared by their text.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true
  }
  if (isPlainScalar(a) || isPlainScalar(b)) {
    return false
  }
  const other = a === null ? b : b === null ? a : undefined
  if (typeof other === 'object' && other !== null && !('toJSON' in other)) {
    return false
  }
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The database column names whose values differ between two rows (webhook `Changes`). */
export function changedColumns(before: TicketRow | undefined, after: Record<string, unknown>) {
  const changed: string[] = []
  for (const key in after) {
    if (ignored.has(key)) {
      continue
    }
    const value = after[key]
    const old = before ? (before as Record<string, unknown>)[key] : undefined
    if (!sameJson(old ?? null, value ?? null)) {
      changed.push(sqlNames.get(key) ?? key)
    }
  }
  return changed
}

/** Compares two id lists in order. */
export const sameIds = (a: number[], b: number[]) =>
  a.length === b.length && a.every((id, i) => id === b[i])

/**
 * A ticket's values by SQL column name (`owned_by_id`, `base_status`), derived from the entity
 * through the generated projection; `columns` picks which.
 * @example ticketColumnValues(ticket, ['title', 'owned_by_id']) // { title: '…', owned_by_id: 7 }
 */
export function ticketColumnValues(
  ticket: TicketEntity,
  columns: readonly string[]
): Record<string, unknown> {
  const row = propertiesToRow(ticketsProjection, ticket as unknown as Record<string, unknown>)
  const bySqlName = new Map([...sqlNames].map(([key, name]) => [name, row[key] ?? null]))
  return Object.fromEntries(columns.map((column) => [column, bySqlName.get(column) ?? null]))
}
