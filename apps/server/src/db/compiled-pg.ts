import { DrizzleQueryError, is } from 'drizzle-orm'
import { NoopCache } from 'drizzle-orm/cache/core'
import { compileFill, type QueryLogger, type Values } from './compiled-params.ts'
import { compileRowMapper, type SelectedField } from './compiled-rows.ts'

interface QueryConfig {
  text: string
}

/** The parts of Drizzle's node-postgres prepared query this file reads and replaces. */
interface DrizzlePgQuery {
  client: { query(config: QueryConfig, params: unknown[]): Promise<{ rows: unknown[] }> }
  params: unknown[]
  logger: QueryLogger
  /** The statement as it answers rows as objects (no selected fields: a write's result). */
  rawQueryConfig: QueryConfig
  /** The statement as it answers rows as arrays, which the fields then name. */
  queryConfig: QueryConfig
  cache?: unknown
  fields?: SelectedField[]
  joinsNotNullableMap?: Record<string, boolean>
  customResultMapper?: (rows: unknown[]) => unknown
  execute(values?: Values): Promise<unknown>
}

const isDrizzlePgQuery = (statement: object): statement is DrizzlePgQuery => {
  const candidate = statement as Partial<DrizzlePgQuery>
  return (
    typeof candidate.client?.query === 'function' &&
    Array.isArray(candidate.params) &&
    typeof candidate.rawQueryConfig?.text === 'string' &&
    typeof candidate.queryConfig?.text === 'string' &&
    typeof candidate.execute === 'function'
  )
}

/**
 * Gives a Drizzle statement prepared on node-postgres a parameter list and a row mapping worked
 * out once (`compiled-params.ts`, `compiled-rows.ts`), and runs it without the wrappers Drizzle
 * puts around every run (tracing spans and a result cache, neither in use here). It binds, sends,
 * maps and fails exactly as Drizzle's `execute` does: the same values, the same statement name,
 * a refused statement as `DrizzleQueryError` with the database's error as its cause. Statements
 * of other drivers, and any with a result cache, are returned as they are.
 */
export function withCompiledPg<S extends object>(statement: S): S {
  if (!isDrizzlePgQuery(statement)) {
    return statement
  }
  if (statement.cache !== undefined && !is(statement.cache, NoopCache)) {
    return statement
  }
  const { client, logger, rawQueryConfig, queryConfig, fields, customResultMapper } = statement
  // Logged with the text Drizzle logs.
  const fill = compileFill(statement.params, rawQueryConfig.text, logger)
  // A statement without selected fields (a write) answers the driver's result as it comes.
  const config = fields || customResultMapper ? queryConfig : rawQueryConfig
  const answer = answerOf(fields, statement.joinsNotNullableMap, customResultMapper)
  // Async, as Drizzle's: a missing value rejects the promise rather than throwing.
  statement.execute = async (values) => {
    const params = fill(values)
    // Only the driver's failure is wrapped, as Drizzle wraps it; mapping runs outside.
    const result = await client.query(config, params).catch((error: unknown) => {
      throw new DrizzleQueryError(config.text, params, error as Error)
    })
    return answer(result)
  }
  return statement
}

/** What `execute` answers for the driver's result, as Drizzle's own run maps it. */
function answerOf(
  fields: SelectedField[] | undefined,
  joinsNotNullableMap: Record<string, boolean> | undefined,
  customResultMapper: ((rows: unknown[]) => unknown) | undefined
): (result: { rows: unknown[] }) => unknown {
  if (customResultMapper) {
    return (result) => customResultMapper(result.rows)
  }
  if (!fields) {
    return (result) => result
  }
  const toObject = compileRowMapper(fields, joinsNotNullableMap)
  return (result) => (result.rows as unknown[][]).map(toObject)
}
