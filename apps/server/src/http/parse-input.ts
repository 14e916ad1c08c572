import type { Static, TObject } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { Value } from '@sinclair/typebox/value'
import { ApiError, type FieldError } from './api-error.ts'
import { fieldError } from './field-error.ts'

/** Where parameters come from; query names match case-insensitively (clients vary the casing). */
export type ParamsSource = 'query' | 'path' | 'headers'

// A problem points at `/query/<name>` or `/headers/<name>`; a path parameter is the resource
// itself, so it is `/<name>` (see docs/decisions.md, "Architecture").
const pointerPrefix: Record<ParamsSource, string> = {
  query: '/query',
  path: '',
  headers: '/headers',
}

/**
 * Compiles a parser for query, path or header parameters once: known names are picked (query
 * names case-insensitively, empty values as absent), converted from strings (`Value.Convert`,
 * only ever here, never for bodies), defaulted, and every invalid one is reported in one 400.
 * @example const parse = compileParamsParser(NotificationListQuery, 'query'); parse(new URL(c.req.url).searchParams)
 */
export function compileParamsParser<T extends TObject>(
  schema: T,
  source: ParamsSource
): (raw: Iterable<[string, string]>) => Static<T> {
  const check = TypeCompiler.Compile(schema)
  const names = new Map(Object.keys(schema.properties).map((name) => [name.toLowerCase(), name]))
  const prefix = pointerPrefix[source]
  // What a request that sends none of the parameters gets: the schema's defaults, worked out
  // once. It is kept only when it passes the check (no parameter is required) and holds no
  // object or array, so a copy of its top level is a fresh value.
  const defaults = Value.Default(schema, {}) as Record<string, unknown>
  const sentNothing =
    check.Check(defaults) &&
    Object.values(defaults).every((value) => value === null || typeof value !== 'object')
      ? defaults
      : undefined
  return (raw) => {
    const picked: Record<string, string> = {}
    for (const [key, text] of raw) {
      const name = names.get(key.toLowerCase())
      if (name !== undefined && text !== '' && picked[name] === undefined) {
        picked[name] = text
      }
    }
    if (sentNothing && isEmpty(picked)) {
      return { ...sentNothing } as Static<T>
    }
    const value = Value.Default(schema, Value.Convert(schema, { ...picked })) as Record<
      string,
      unknown
    >
    // Check is compiled code; Errors walks the value again, so only failing parameters pay for it.
    const errors: FieldError[] = check.Check(value)
      ? []
      : [...check.Errors(value)].map((e) => fieldError(e, prefix))
    // Convert truncates '1.5' to 1 and reads 'true' as 1: a number must be the text it was sent as.
    for (const [name, converted] of Object.entries(value)) {
      const sent = picked[name]
      if (typeof converted === 'number' && sent !== undefined && String(converted) !== sent) {
        errors.push({ path: `${prefix}/${name}`, message: 'must be an integer', code: 'type' })
      }
    }
    if (errors.length > 0) {
      throw new ApiError('VALIDATION', `${errors.length} invalid ${source} parameter(s).`, {
        errors,
      })
    }
    return value as Static<T>
  }
}

/** True when `object` has no own enumerable key; stops at the first one, allocating nothing. */
function isEmpty(object: Record<string, unknown>): boolean {
  for (const _ in object) {
    return false
  }
  return true
}
