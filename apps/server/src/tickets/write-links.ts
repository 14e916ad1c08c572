import type { Person } from '@ticket/schema'
import { eq, type Placeholder, sql } from 'drizzle-orm'
import { prepared } from '../db/prepared.ts'
import type { Db, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { writeLater } from '../db/write-later.ts'

/** A ticket's secondary persons in one multi-row insert; `replace` first deletes the old ones. */
export async function writeSecondaryPersons(
  db: Db,
  tables: Tables,
  ticketId: number,
  persons: Person[],
  replace: boolean
) {
  if (replace) {
    await db
      .delete(tables.ticketSecondaryPersons)
      .where(eq(tables.ticketSecondaryPersons.ticketId, ticketId))
  }
  if (persons.length > 0) {
    const statement = prepared(db, `ticket-secondary-persons.insert.${persons.length}`, (d) =>
      d.insert(tablesOf(d).ticketSecondaryPersons).values(linkRows(persons.length, 'personId'))
    )
    const values = linkValues(
      ticketId,
      persons.map((p) => p.PersonId)
    )
    await writeLater(db, () => statement.execute(values))
  }
}

/**
 * Placeholder rows of a multi-row link insert of `count` rows: the ticket, the linked id of each
 * row (`linked0`, `linked1`, …) and its position. One statement per row count, prepared once.
 */
export function linkRows<K extends string>(count: number, linkedKey: K) {
  return Array.from({ length: count }, (_, position) => ({
    ticketId: sql.placeholder('ticketId'),
    [linkedKey]: sql.placeholder(`linked${position}`),
    position,
  })) as unknown as ({ ticketId: Placeholder; position: number } & Record<K, Placeholder>)[]
}

/** The values of {@link linkRows}. */
export function linkValues(ticketId: number, linkedIds: number[]): Record<string, number> {
  const values: Record<string, number> = { ticketId }
  for (const [position, id] of linkedIds.entries()) {
    values[`linked${position}`] = id
  }
  return values
}
