import type { Person } from '@ticket/schema'
import { eq } from 'drizzle-orm'
import type { Db, Tables } from '../db/store.ts'

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
    await db
      .insert(tables.ticketSecondaryPersons)
      .values(persons.map((p, position) => ({ ticketId, personId: p.PersonId, position })))
  }
}
