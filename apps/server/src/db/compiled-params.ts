import { is, Param, Placeholder } from 'drizzle-orm'

export type Values = Record<string, unknown>

/**
 * What one parameter is: a named placeholder's value, through its column's encoder when it has
 * one (JSON, booleans), or a fixed value.
 */
type ParamSource =
  | { kind: 'placeholder'; name: string; encoder?: { mapToDriverValue(value: unknown): unknown } }
  | { kind: 'fixed'; value: unknown }

function sourceOf(param: unknown): ParamSource {
  if (is(param, Placeholder)) {
    return { kind: 'placeholder', name: param.name }
  }
  if (is(param, Param) && is(param.value, Placeholder)) {
    return { kind: 'placeholder', name: param.value.name, encoder: param.encoder }
  }
  return { kind: 'fixed', value: param }
}

/** Thrown when a statement runs without a value for one of its placeholders (Drizzle's words). */
function noValueFor(name: string): never {
  throw new Error(`No value for placeholder "${name}" was provided`)
}

/**
 * The function that fills a statement's parameter list from its values, generated once per
 * statement: each value is read where the statement's own code names it, so V8 sees one shape
 * at each read instead of every statement's names at one shared read (a ticket INSERT reads
 * sixty). Names are the statement's placeholders, written in as JSON string literals.
 */
function fillerOf(sources: ParamSource[]): (values: Values) => unknown[] {
  const items = sources.map((source, i) => {
    if (source.kind === 'fixed') {
      return `fixed[${i}]`
    }
    const name = JSON.stringify(source.name)
    const value = `(${name} in values ? values[${name}] : noValueFor(${name}))`
    return source.encoder ? `encoders[${i}].mapToDriverValue(${value})` : value
  })
  const fixed = sources.map((source) => (source.kind === 'fixed' ? source.value : undefined))
  const encoders = sources.map((source) =>
    source.kind === 'placeholder' ? source.encoder : undefined
  )
  const build = new Function(
    'fixed',
    'encoders',
    'noValueFor',
    `return function fill(values) { return [${items.join(', ')}] }`
  )
  return build(fixed, encoders, noValueFor)
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
  const fill = fillerOf(params.map(sourceOf))
  return (values = {}) => {
    const filled = fill(values)
    logger.logQuery(text, filled)
    return filled
  }
}
