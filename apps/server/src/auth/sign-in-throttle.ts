import { ApiError } from '../http/api-error.ts'
import { FailureWindow } from './failure-window.ts'

export interface ThrottleLimits {
  perName: { limit: number; windowMs: number }
  perAddress: { limit: number; windowMs: number }
}

/** Service contract §8: 10 failures in 5 minutes per user name, 100 a minute per address. */
export const signInLimits: ThrottleLimits = {
  perName: { limit: 10, windowMs: 5 * 60_000 },
  perAddress: { limit: 100, windowMs: 60_000 },
}

export interface SignInThrottle {
  /** Throws 429 with `Retry-After` while the address, or the user name, is held back. */
  guard(address: string, userName?: string): void
  failed(address: string, userName?: string): void
  succeeded(userName: string): void
}

const nameKey = (userName: string) => userName.normalize('NFC').toLowerCase()

function tooMany(ms: number, detail: string): ApiError {
  return new ApiError('TOO_MANY_REQUESTS', detail, {
    headers: { 'Retry-After': String(Math.max(1, Math.ceil(ms / 1000))) },
  })
}

/**
 * Slows down guessing. Failures count for every user name, known or not, and the refusal reads
 * the same, so the throttle never tells whether a user exists. Kept in memory: the limits hold
 * per process, and a restart forgets them.
 */
export function createSignInThrottle(
  clock: () => number,
  limits: ThrottleLimits = signInLimits
): SignInThrottle {
  const names = new FailureWindow(limits.perName.limit, limits.perName.windowMs)
  const addresses = new FailureWindow(limits.perAddress.limit, limits.perAddress.windowMs)
  return {
    guard(address, userName) {
      const now = clock()
      const addressWait = addresses.retryAfterMs(address, now)
      if (addressWait > 0) {
        throw tooMany(addressWait, 'Too many failed sign-ins from this address; retry later.')
      }
      const nameWait = userName === undefined ? 0 : names.retryAfterMs(nameKey(userName), now)
      if (nameWait > 0) {
        throw tooMany(nameWait, 'Too many failed sign-ins for this user name; retry later.')
      }
    },
    failed(address, userName) {
      const now = clock()
      addresses.fail(address, now)
      if (userName !== undefined) {
        names.fail(nameKey(userName), now)
      }
    },
    succeeded(userName) {
      names.clear(nameKey(userName))
    },
  }
}
