import type { Database, Statement } from 'better-sqlite3'
import { type Column, getTableColumns, getTableName, type Table } from 'drizzle-orm'

// SQLite binds at most 32,766 parameters in one statement.
const maxParameters = 32_766

/**
 * Multi-row INSERTs into one generated table on a raw better-sqlite3 connection, for the bulk
 * import. Rows are arrays of values for `keys` (table keys, e.g. `ownedById`); the SQL column
 * names and each value's storage form (booleans as 0/1, JSON as text) come from the Drizzle
 * table. One statement per row count is prepared once and reused, so a batch costs no query
 * building. `returning` names a column whose values come back, in row order.
 * @example sqliteMultiInsert(connection, tables.ticketTags, ['ticketId', 'tagId', 'position']).run(rows)
 */
export function sqliteMultiInsert(
  connection: Database,
  table: Table,
  keys: string[],
  options: { returning?: string } = {}
) {
  const byKey = getTableColumns(table) as Record<string, Column>
  const columns = keys.map((key) => {
    const column = byKey[key]
    if (!column) {
      throw new Error(`${getTableName(table)} has no column ${key}`)
    }
    return column
  })
  const width = columns.length
  const rowsPerStatement = Math.min(500, Math.floor(maxParameters / width))
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`
  const returned = options.returning ? byKey[options.returning] : undefined
  const returning = returned ? ` RETURNING ${quote(returned.name)}` : ''
  const head = `INSERT INTO ${quote(getTableName(table))} (${columns.map((c) => quote(c.name)).join(', ')}) VALUES `
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
  const valuesOf = (rows: unknown[][], from: number, to: number) => {
    const values: unknown[] = new Array((to - from) * width)
    let at = 0
    for (let r = from; r < to; r++) {
      const row = rows[r] as unknown[]
      for (let c = 0; c < width; c++) {
        const value = row[c]
        values[at++] =
          value === null || value === undefined
            ? null
            : (columns[c] as Column).mapToDriverValue(value)
      }
    }
    return values
  }
  return {
    /** Inserts the rows; with `returning`, the returned column's values in row order. */
    run(rows: unknown[][]): unknown[] {
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
