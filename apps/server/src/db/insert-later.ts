import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db, Tables } from './db.ts'
import { prepared } from './prepared.ts'
import { rowShape } from './statement-shape.ts'
import { tablesOf } from './tables-of.ts'
import { writeLater } from './write-later.ts'

/**
 * Inserts `row`, its id included, into the table `tableOf` picks and reads nothing back: where
 * the transaction holds writes (PostgreSQL), it goes with the next statement or the commit. One
 * prepared statement per `name` and set of columns.
 * @example await insertLater(tx, 'tickets.insert-with-id', (t) => t.tickets, { ticketId, ...values })
 */
export async function insertLater(
  tx: Db,
  name: string,
  tableOf: (tables: Tables) => SQLiteTable,
  row: Record<string, unknown>
): Promise<void> {
  const statement = preparedInsert(tx, name, tableOf, row)
  await writeLater(tx, () => statement.execute(row))
}

/**
 * The prepared one-row INSERT of `row`'s columns into the table `tableOf` picks, without a
 * RETURNING clause: one per `name` and set of columns. Run it with `row` as it is.
 */
export function preparedInsert(
  tx: Db,
  name: string,
  tableOf: (tables: Tables) => SQLiteTable,
  row: Record<string, unknown>
) {
  const shape = rowShape(name, row)
  return prepared(tx, shape.key, (d) =>
    d.insert(tableOf(tablesOf(d))).values(shape.placeholders() as never)
  )
}
