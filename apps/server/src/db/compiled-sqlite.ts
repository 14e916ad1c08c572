import { compileFill, type QueryLogger, type Values } from './compiled-params.ts'
import { compileRowMapper, type SelectedField } from './compiled-rows.ts'

interface SqliteStatement {
  run(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
  get(...params: unknown[]): unknown
  raw(toggle?: boolean): SqliteStatement
}

/** The parts of Drizzle's better-sqlite3 prepared query this file reads and replaces. */
interface DrizzleSqliteQuery {
  stmt: SqliteStatement
  query: { sql: string; params: unknown[] }
  logger: QueryLogger
  fields?: SelectedField[]
  joinsNotNullableMap?: Record<string, boolean>
  customResultMapper?: unknown
  run(values?: Values): unknown
  all(values?: Values): unknown
  get(values?: Values): unknown
  values(values?: Values): unknown
}

const isDrizzleSqliteQuery = (statement: object): statement is DrizzleSqliteQuery => {
  const candidate = statement as Partial<DrizzleSqliteQuery>
  return (
    typeof candidate.stmt?.run === 'function' &&
    Array.isArray(candidate.query?.params) &&
    typeof candidate.values === 'function'
  )
}

/**
 * Gives a Drizzle statement prepared on better-sqlite3 a parameter list and a row mapping worked
 * out once (`compiled-params.ts`, `compiled-rows.ts`). The replaced methods bind, run and map
 * exactly as Drizzle's do, with the same values; statements that are not better-sqlite3's are
 * returned as they are.
 */
export function withCompiledSqlite<S extends object>(statement: S): S {
  if (!isDrizzleSqliteQuery(statement)) {
    return statement
  }
  const { stmt, logger, query, fields, joinsNotNullableMap, customResultMapper } = statement
  const bound = compileFill(query.params, query.sql, logger)
  statement.run = (values) => stmt.run(...bound(values))
  statement.values = (values) => stmt.raw().all(...bound(values))
  if (customResultMapper) {
    return statement
  }
  if (!fields) {
    statement.all = (values) => stmt.all(...bound(values))
    return statement
  }
  const toObject = compileRowMapper(fields, joinsNotNullableMap)
  // Read as arrays, as Drizzle's `values` reads them: the mapping names the columns.
  const rows = stmt.raw()
  statement.all = (values) => (rows.all(...bound(values)) as unknown[][]).map(toObject)
  statement.get = (values) => {
    const row = rows.get(...bound(values)) as unknown[] | undefined
    return row === undefined ? undefined : toObject(row)
  }
  return statement
}
