import type { TSchema } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { ApiError, type FieldError } from '../http/api-error.ts'
import { canonicalize } from './canonicalize.ts'
import { inputSchemaOf } from './input-schema.ts'

export interface CheckedBody<T> {
  value: T
  /** Every problem, one per JSON pointer; empty when the body is valid. */
  errors: FieldError[]
}

/**
 * Compiles a body checker once: it canonicalises a body (case-insensitive names, unknown and
 * read-only properties dropped, enum numbers as names) and lists every problem. Entities are
 * checked as partial (a carrier may be sent as its id); `complete` bodies must carry every
 * required property (a webhook registration).
 */
export function compileBodyChecker<T>(
  schema: TSchema,
  options: { complete?: boolean } = {}
): (body: unknown) => CheckedBody<T> {
  const check = TypeCompiler.Compile(options.complete ? schema : inputSchemaOf(schema))
  return (body) => {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      const errors = [{ path: '', message: 'expected an object', code: 'type' }]
      return { value: {} as T, errors }
    }
    const errors: FieldError[] = []
    const value = canonicalize(schema, body, errors)
    for (const error of check.Errors(value)) {
      errors.push({ path: error.path, message: error.message, code: `type_${error.type}` })
    }
    return { value: value as T, errors: firstPerPath(errors) }
  }
}

/**
 * The input parser for an entity schema, compiled once (at route registration): one body in,
 * the canonical partial entity out, or one 400 listing every problem.
 * @example const parseTicket = compileEntityParser(TicketEntity); const input = parseTicket(body)
 */
export function compileEntityParser<T>(schema: TSchema): (body: unknown) => Partial<T> {
  const check = compileBodyChecker<Partial<T>>(schema)
  return (body) => {
    const { value, errors } = check(body)
    if (errors.length > 0) {
      throw invalidBody(errors, 'request')
    }
    return value
  }
}

export function invalidBody(errors: FieldError[], what: string): ApiError {
  if (errors.length === 1 && errors[0]?.path === '') {
    return new ApiError('VALIDATION', 'The body must be a JSON object.', { errors })
  }
  return new ApiError('VALIDATION', `${errors.length} invalid field(s) in the ${what}.`, { errors })
}

// A union failure reports once for the union and once per member; keep the first per path.
function firstPerPath(errors: FieldError[]): FieldError[] {
  const byPath = new Map<string, FieldError>()
  for (const error of errors) {
    if (!byPath.has(error.path)) {
      byPath.set(error.path, error)
    }
  }
  return [...byPath.values()]
}
