import type { ValueError } from '@sinclair/typebox/compiler'
import type { FieldError } from './api-error.ts'

/** One validation failure as the problem document lists it; an enum names its allowed values. */
export function fieldError(error: ValueError, prefix = ''): FieldError {
  const allowed = (error.schema as { enum?: unknown }).enum
  return {
    path: `${prefix}${error.path}`,
    message: Array.isArray(allowed) ? `must be one of: ${allowed.join(', ')}` : error.message,
    code: `type_${error.type}`,
  }
}
