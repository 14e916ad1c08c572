import type { TSchema } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { ApiError, type FieldError } from '../http/api-error.ts'
import { canonicalize } from './canonicalize.ts'
import { inputSchemaOf } from './input-schema.ts'

/**
 * Compiles the input parser for an entity schema once (at route registration); the returned
 * function canonicalises and validates one body and throws one 400 listing every problem.
 * @example const parseTicket = compileEntityParser(TicketEntity); const input = parseTicket(body)
 */
export function compileEntityParser<T>(schema: TSchema): (body: unknown) => Partial<T> {
  const check = TypeCompiler.Compile(inputSchemaOf(schema))
  return (body) => {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new ApiError('VALIDATION', 'The body must be a JSON object.', {
        errors: [{ path: '', message: 'expected an object', code: 'type' }],
      })
    }
    const errors: FieldError[] = []
    const value = canonicalize(schema, body, errors)
    for (const error of check.Errors(value)) {
      errors.push({ path: error.path, message: error.message, code: `type_${error.type}` })
    }
    if (errors.length > 0) {
      throw new ApiError('VALIDATION', `${errors.length} invalid field(s) in the request.`, {
        errors: dedupe(errors),
      })
    }
    return value as Partial<T>
  }
}

// A union failure reports once for the union and once per member; keep the first per path.
function dedupe(errors: FieldError[]): FieldError[] {
  const byPath = new Map<string, FieldError>()
  for (const error of errors) {
    if (!byPath.has(error.path)) {
      byPath.set(error.path, error)
    }
  }
  return [...byPath.values()]
}
