import type { Database, Statement } from 'better-sqlite3'
import { type Column, getTableColumns, getTableName, type Table } from 'drizzle-orm'

// SQLite binds at most 32,766 parameters in one statement.
const maxParameters = 32_766

/**
 * Multi-row INSERTs into one generated table on a raw better-sqlite3 connection, for the bulk
 * import: the column list and each value's storage form (booleans as 0/1, JSON as text) come
 * from the Drizzle table, and one statement per row count is prepared once and reused, so a
 * batch costs no query building. `omit` leaves out columns the database fills (an
 * autoincrement key); `returning` names a column whose values come back, in row order.
 * @example const insert = sqliteMultiInsert(connection, tables.ticketTags); insert.run(rows)
 */
export function sqliteMultiInsert(
  connection: Database,
  table: Table,
  options: { omit?: string[]; returning?: string } = {}
) {
  const columns = Object.entries(getTableColumns(table) as Record<string, Column>).filter(
    ([key]) => !options.omit?.includes(key)
  )
  const keys = columns.map(([key]) => key)
  const toDriver = columns.map(([, column]) => column)
  const rowsPerStatement = Math.min(500, Math.floor(maxParameters / columns.length))
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`
  const returning = options.returning
    ? ` RETURNING ${quote((getTableColumns(table) as Record<string, Column>)[options.returning]?.name ?? '')}`
    : ''
  const head = `INSERT INTO ${quote(getTableName(table))} (${columns.map(([, c]) => quote(c.name)).join(', ')}) VALUES `
  const tuple = `(${columns.map(() => '?').join(', ')})`
  const statements = new Map<number, Statement>()
  const statementFor = (rows: number) => {
    let statement = statements.get(rows)
    if (!statement) {
      statement = connection.prepare(`${head}${Array(rows).fill(tuple).join(', ')}${returning}`)
      if (returning) {
        statement.pluck()
      }
      statements.set(rows, statement)
    }
    return statement
  }
  const valuesOf = (rows: Record<string, unknown>[], from: number, to: number) => {
    const values: unknown[] = new Array((to - from) * keys.length)
    let at = 0
    for (let r = from; r < to; r++) {
      const row = rows[r] as Record<string, unknown>
      for (let c = 0; c < keys.length; c++) {
        const value = row[keys[c] as string]
        values[at++] =
          value === null || value === undefined
            ? null
            : (toDriver[c] as Column).mapToDriverValue(value)
      }
    }
    return values
  }
  return {
    /** Inserts the rows; with `returning`, the returned column's values in row order. */
    run(rows: Record<string, unknown>[]): unknown[] {
      const out: unknown[] = []
      for (let from = 0; from < rows.length; from += rowsPerStatement) {
        const to = Math.min(from + rowsPerStatement, rows.length)
        const statement = statementFor(to - from)
        const values = valuesOf(rows, from, to)
        if (returning) {
          for (const value of statement.all(values)) {
            out.push(value)
          }
        } else {
          statement.run(values)
        }
      }
      return out
    },
  }
}
