import type { Static, TObject, TSchema } from '@sinclair/typebox'
import { TypeCompiler, type ValueError } from '@sinclair/typebox/compiler'
import { Value } from '@sinclair/typebox/value'
import { ApiError, type FieldError } from './api-error.ts'

function fieldError(error: ValueError): FieldError {
  const allowed = (error.schema as { enum?: unknown }).enum
  return {
    path: error.path,
    message: Array.isArray(allowed) ? `must be one of: ${allowed.join(', ')}` : error.message,
    code: `type_${error.type}`,
  }
}

function invalid(errors: FieldError[], where: string): ApiError {
  return new ApiError('VALIDATION', `${errors.length} invalid field(s) in the ${where}.`, {
    errors,
  })
}

/**
 * Compiles a parser for query or path parameters once: known keys are converted from strings
 * (`Value.Convert`, only ever for these, never for bodies), defaults applied, and every invalid
 * one is reported in one 400.
 * @example const parse = compileParamsParser(NotificationListQuery); parse(c.req.query())
 */
export function compileParamsParser<T extends TObject>(
  schema: T,
  where: 'query' | 'path' | 'headers'
): (raw: Record<string, string>) => Static<T> {
  const check = TypeCompiler.Compile(schema)
  const keys = Object.keys(schema.properties)
  return (raw) => {
    const picked: Record<string, unknown> = {}
    for (const key of keys) {
      if (raw[key] !== undefined) {
        picked[key] = raw[key]
      }
    }
    const value = Value.Default(schema, Value.Convert(schema, picked)) as Record<string, unknown>
    const errors = [...check.Errors(value)].map(fieldError)
    // Convert truncates '1.5' to 1: a number parameter must be exactly the number it names.
    for (const [name, converted] of Object.entries(value)) {
      const sent = raw[name]
      if (typeof converted === 'number' && typeof sent === 'string' && String(converted) !== sent) {
        errors.push({ path: `/${name}`, message: 'must be an integer', code: 'type' })
      }
    }
    if (errors.length > 0) {
      throw invalid(errors, where)
    }
    return value as Static<T>
  }
}

/** Compiles a JSON body validator once; it lists every invalid path in one 400. */
export function compileBodyParser<T extends TSchema>(schema: T): (body: unknown) => Static<T> {
  const check = TypeCompiler.Compile(schema)
  return (body) => {
    const errors = [...check.Errors(body)].map(fieldError)
    if (errors.length > 0) {
      throw invalid(errors, 'body')
    }
    return body as Static<T>
  }
}
