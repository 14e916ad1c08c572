import type { Static, TObject } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { Value } from '@sinclair/typebox/value'
import type { Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'

/**
 * Compiles a path-parameter parser once; each call converts the strings (`'7'` → 7) and throws
 * one 400 naming every bad parameter.
 * @example const params = compileParams(WebhookIdParam)(c.req.param()) // { id: 7 }
 */
export function compileParams<T extends TObject>(schema: T) {
  const check = TypeCompiler.Compile(schema)
  return (raw: Record<string, string>): Static<T> => {
    const value = Value.Convert(schema, { ...raw }) as Record<string, unknown>
    const errors = [...check.Errors(value)].map((e) => ({
      path: e.path,
      message: `path parameter ${e.message.toLowerCase()}`,
      code: `type_${e.type}`,
    }))
    // Convert truncates '1.5' to 1; a parameter must be exactly the number it names.
    for (const [name, converted] of Object.entries(value)) {
      if (typeof converted === 'number' && String(converted) !== raw[name]) {
        errors.push({
          path: `/${name}`,
          message: 'path parameter must be an integer',
          code: 'type',
        })
      }
    }
    if (errors.length > 0) {
      throw new ApiError('VALIDATION', 'Invalid path parameter(s).', { errors })
    }
    return value as Static<T>
  }
}

/** Registering, deleting and replaying change what the service sends out: admins only. */
export function requireAdmin(c: Context<AppEnv>, action: string) {
  if (!c.get('caller').isAdmin) {
    throw new ApiError('FORBIDDEN', `Only associates with full rights may ${action}.`)
  }
}
