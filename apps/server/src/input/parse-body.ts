import type { Static, TSchema } from '@sinclair/typebox'
import { TypeCompiler, type ValueError, ValueErrorType } from '@sinclair/typebox/compiler'
import { inputSchemaOf } from '@ticket/schema'
import { ApiError, type FieldError } from '../http/api-error.ts'
import { fieldError } from '../http/field-error.ts'
import { canonicalize } from './canonicalize.ts'

export interface BodyParserOptions<T> {
  /**
   * Every required property must be sent (a webhook registration). Without it the body is an
   * entity to save: every property is optional at every level, as a carrier may be sent as its id.
   */
  complete?: boolean
  /** Checks the schema cannot say (a blank name, a URL's scheme); reported with the rest. */
  refine?: (value: Partial<T>) => FieldError[]
}

/**
 * The one request-body parser, compiled once per schema: the body is canonicalised (names matched
 * case-insensitively, read-only properties dropped, enum numbers as names, unknown names dropped
 * unless the object is closed with `additionalProperties: false`), validated, and every problem
 * is reported in one 400, one per JSON pointer. The pointers of dropped unknown properties are
 * pushed to `ignored`.
 * @example const parseTicket = compileBodyParser(TicketEntity); const input = parseTicket(body)
 */
export function compileBodyParser<S extends TSchema, T = Static<S>>(
  schema: S,
  options: BodyParserOptions<T> = {}
): (body: unknown, ignored?: string[]) => Partial<T> {
  const check = TypeCompiler.Compile(options.complete ? schema : inputSchemaOf(schema))
  return (body, ignored = []) => {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      const errors = [{ path: '', message: 'expected an object', code: 'type' }]
      throw new ApiError('VALIDATION', 'The body must be a JSON object.', { errors })
    }
    const errors: FieldError[] = []
    const value = canonicalize(schema, body, errors, '', 0, ignored) as Partial<T>
    // Check is compiled code; Errors walks the value again, so only a failing body pays for it.
    if (!check.Check(value)) {
      errors.push(...[...check.Errors(value)].flatMap(innermost).map((error) => fieldError(error)))
    }
    if (options.refine) {
      errors.push(...options.refine(value))
    }
    const reported = firstPerPath(errors)
    if (reported.length > 0) {
      throw new ApiError('VALIDATION', `${reported.length} invalid field(s) in the body.`, {
        errors: reported,
      })
    }
    return value
  }
}

/**
 * A carrier is `Carrier | null`: a bad id inside it fails the union as a whole. The member the
 * value has the shape of (its failures lie below the union's path) says which field is wrong,
 * so its failures are reported: `/OwnedBy/AssociateId`, not `/OwnedBy`.
 */
function innermost(error: ValueError): ValueError[] {
  if (error.type !== ValueErrorType.Union) {
    return [error]
  }
  for (const member of error.errors) {
    const found = [...member]
    if (found.length > 0 && found.every((e) => e.path.startsWith(`${error.path}/`))) {
      return found.flatMap(innermost)
    }
  }
  return [error]
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
