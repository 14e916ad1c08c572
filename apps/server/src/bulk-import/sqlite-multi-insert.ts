import type { Database, Statement } from 'better-sqlite3'
import { type Column, getTableColumns, getTableName, type Table } from 'drizzle-orm'

// SQLite binds at most 32,766 parameters in one statement.
const maxParameters = 32_766

/** The Drizzle columns of `keys` (table keys, e.g. `ownedById`), in that order. */
function columnsOf(table: Table, keys: string[]) {
  const byKey = getTableColumns(table) as Record<string, Column>
  return keys.map((key) => {
    const column = byKey[key]
    if (!column) {
      throw new Error(`${getTableName(table)} has no column ${key}`)
    }
    return column
  })
}

/**
 * Turns a row of table values for `keys` into the values SQLite stores (booleans as 0/1, JSON
 * as text), in place, as the Drizzle table's columns map them. The import does this where it
 * builds the row: a row of plain numbers and strings is cheaper to hand to the thread that
 * writes it than one holding objects.
 */
export function sqliteRowEncoder(table: Table, keys: string[]) {
  const columns = columnsOf(table, keys)
  return (row: unknown[]) => {
    for (let c = 0; c < columns.length; c++) {
      const value = row[c]
      row[c] =
        value === null || value === undefined
          ? null
          : (columns[c] as Column).mapToDriverValue(value)
    }
    return row
  }
}

/**
 * Multi-row INSERTs into one generated table on a raw better-sqlite3 connection, for the bulk
 * import. Rows are arrays of stored values for `keys` (table keys, e.g. `ownedById`), as
 * `sqliteRowEncoder` makes them; the SQL column names come from the Drizzle table. One
 * statement per row count is prepared once and reused, so a batch costs no query building.
 * `returning` names a column whose values come back, in row order.
 * @example sqliteMultiInsert(connection, tables.ticketTags, ['ticketId', 'tagId', 'position']).run(rows)
 */
export function sqliteMultiInsert(
  connection: Database,
  table: Table,
  keys: string[],
  options: { returning?: string } = {}
) {
  const columns = columnsOf(table, keys)
  const width = columns.length
  const rowsPerStatement = Math.min(500, Math.floor(maxParameters / width))
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`
  const [returned] = options.returning ? columnsOf(table, [options.returning]) : []
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
        values[at++] = row[c]
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
