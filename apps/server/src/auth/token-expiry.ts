import { ApiError } from '../http/api-error.ts'

const hasZone = /(?:[zZ]|[+-]\d{2}:?\d{2})$/

/**
 * A requested token expiry as ISO 8601 UTC, or null for none. An offset-less date is UTC
 * (see docs/decisions.md); a date that is not in the future is a 400.
 * @example tokenExpiry('2030-01-01T00:00', now) // '2030-01-01T00:00:00.000Z'
 */
export function tokenExpiry(value: string | null | undefined, now: Date): string | null {
  if (value === null || value === undefined) {
    return null
  }
  const at = Date.parse(hasZone.test(value) ? value : `${value}Z`)
  if (Number.isNaN(at) || at <= now.getTime()) {
    throw new ApiError('VALIDATION', 'ExpiresAt must be a date in the future.', {
      errors: [{ path: '/ExpiresAt', message: 'must be a future date-time', code: 'future' }],
    })
  }
  return new Date(at).toISOString()
}
