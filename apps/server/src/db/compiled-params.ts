import { is, Param, Placeholder } from 'drizzle-orm'

export type Values = Record<string, unknown>

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

/** Drizzle's query logger, which sees every statement run with its parameters. */
export interface QueryLogger {
  logQuery(sql: string, params: unknown[]): void
}

/**
 * A prepared statement's parameter list, worked out once, and logged on every run as Drizzle
 * logs it (the statement's text and the filled list). Drizzle looks at every parameter on every
 * run to tell a placeholder from a fixed value (`is()` walks class chains) before binding it; on
 * a ticket INSERT of forty columns that was a few percent of a save's CPU. The list this gives
 * holds the same values Drizzle's own `fillPlaceholders` would; a missing value throws.
 */
export function compileFill(
  params: unknown[],
  text: string,
  logger: QueryLogger
): (values: Values | undefined) => unknown[] {
  const readers = params.map(paramReader)
  return (values = {}) => {
    const filled = readers.map((read) => read(values))
    logger.logQuery(text, filled)
    return filled
  }
}
