import { ApiError } from '../http/api-error.ts'

/** A 400 about one OData query option, naming what was wrong. */
export function queryError(option: string, message: string, code = 'invalid'): ApiError {
  return new ApiError('VALIDATION', `${option}: ${message}`, {
    errors: [{ path: `/query/${option}`, message, code }],
  })
}
