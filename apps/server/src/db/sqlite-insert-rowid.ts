import type { RunResult } from 'better-sqlite3'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db, Tables } from './db.ts'
import { preparedInsert } from './insert-later.ts'

/**
 * On SQLite: inserts `row` into the table `tableOf` picks and answers the new row's id as the
 * insert itself reports it (`lastInsertRowid`). A RETURNING clause would answer the same, but
 * SQLite runs one as it runs a trigger, and inside a transaction it first copies every page such
 * a statement touches into a statement journal. The statement is `preparedInsert`'s.
 * @example const ticketId = await insertReportingRowid(tx, 'tickets.insert', (t) => t.tickets, values)
 */
export async function insertReportingRowid(
  tx: Db,
  name: string,
  tableOf: (tables: Tables) => SQLiteTable,
  row: Record<string, unknown>
): Promise<number> {
  const statement = preparedInsert(tx, name, tableOf, row)
  const { lastInsertRowid } = (await statement.execute(row)) as RunResult
  return Number(lastInsertRowid)
}
