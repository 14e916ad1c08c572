import { is, Param, Placeholder } from 'drizzle-orm'

type Values = Record<string, unknown>
type Fill = (values: Values) => unknown[]

interface SqliteStatement {
  run(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
  get(...params: unknown[]): unknown
  raw(): SqliteStatement
}

/** The parts of Drizzle's better-sqlite3 prepared query this file reads and replaces. */
interface DrizzleSqliteQuery {
  stmt: SqliteStatement
  query: { sql: string; params: unknown[] }
  logger: { logQuery(sql: string, params: unknown[]): void }
  fields?: unknown
  customResultMapper?: unknown
  run(values?: Values): unknown
  all(values?: Values): unknown
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

/** One parameter's value: a named placeholder's value (through its column's encoder), or fixed. */
function paramReader(param: unknown): (values: Values) => unknown {
  const missing = (name: string) => new Error(`No value for placeholder "${name}" was provided`)
  if (is(param, Placeholder)) {
    const { name } = param
    return (values) => {
      if (!(name in values)) {
        throw missing(name)
      }
      return values[name]
    }
  }
  if (is(param, Param) && is(param.value, Placeholder)) {
    const { name } = param.value
    const { encoder } = param
    return (values) => {
      if (!(name in values)) {
        throw missing(name)
      }
      return encoder.mapToDriverValue(values[name])
    }
  }
  return () => param
}

function compileFill(params: unknown[]): Fill {
  const readers = params.map(paramReader)
  return (values) => readers.map((read) => read(values))
}

/**
 * Gives a Drizzle statement prepared on better-sqlite3 a parameter list worked out once. Drizzle
 * looks at every parameter on every run to tell a placeholder from a fixed value (`is()` walks
 * class chains) before binding it; on a ticket INSERT of forty columns that was a few percent of
 * a save's CPU. The replaced methods bind and run exactly as Drizzle's do, with the same values;
 * statements that are not better-sqlite3's are returned as they are.
 */
export function withCompiledParams<S extends object>(statement: S): S {
  if (!isDrizzleSqliteQuery(statement)) {
    return statement
  }
  const fill = compileFill(statement.query.params)
  const { stmt, logger, query } = statement
  const bound = (values: Values | undefined) => {
    const params = fill(values ?? {})
    logger.logQuery(query.sql, params)
    return params
  }
  statement.run = (values) => stmt.run(...bound(values))
  statement.values = (values) => stmt.raw().all(...bound(values))
  if (!statement.fields && !statement.customResultMapper) {
    statement.all = (values) => stmt.all(...bound(values))
  }
  return statement
}
