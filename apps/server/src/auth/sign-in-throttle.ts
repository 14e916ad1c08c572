import { ApiError } from '../http/api-error.ts'
import type { Counted, FailureLedger } from './failure-ledger.ts'
import { digestOf } from './secret.ts'

export interface ThrottleLimits {
  perName: { limit: number; windowMs: number }
  perAddress: { limit: number; windowMs: number }
}

/** 10 failures in 5 minutes per user name, 100 a minute per address (docs/decisions.md). */
export const signInLimits: ThrottleLimits = {
  perName: { limit: 10, windowMs: 5 * 60_000 },
  perAddress: { limit: 100, windowMs: 60_000 },
}

/** How far back any limit looks: failures older than this count for nothing. */
export const longestWindowMs = (limits: ThrottleLimits): number =>
  Math.max(limits.perName.windowMs, limits.perAddress.windowMs)

export interface SignInThrottle {
  /**
   * Throws 429 with `Retry-After` while the address, or the user name, is held back. Resolves to
   * whether the user name has failures to forgive on a success.
   */
  guard(address: string, userName?: string): Promise<boolean>
  failed(address: string, userName?: string): Promise<void>
  succeeded(userName: string): Promise<void>
}

function tooMany(ms: number, detail: string): ApiError {
  return new ApiError('TOO_MANY_REQUESTS', detail, {
    headers: { 'Retry-After': String(Math.max(1, Math.ceil(ms / 1000))) },
  })
}

// Bounded: a flood of made-up names or addresses empties it rather than growing it.
const maxRemembered = 10_000

function remembered(keys: Map<string, string>, of: string, digest: () => string): string {
  let key = keys.get(of)
  if (key === undefined) {
    key = digest()
    if (keys.size >= maxRemembered) {
      keys.clear()
    }
    keys.set(of, key)
  }
  return key
}

/**
 * Slows down guessing. Failures count for every user name, known or not, and the refusal reads
 * the same, so the throttle never tells whether a user exists. Where failures are counted is the
 * ledger's business: in memory for one process, in the database for several.
 */
export function createSignInThrottle(
  clock: () => number,
  ledger: FailureLedger,
  limits: ThrottleLimits = signInLimits
): SignInThrottle {
  // Keys are digests: the table holds no user names or addresses, and every key is 64 chars.
  // Every authenticated request needs them, and the same few clients ask again and again, so
  // each digest is worked out once per name or address.
  const nameKeys = new Map<string, string>()
  const addressKeys = new Map<string, string>()
  const byName = (userName: string): Counted => ({
    key: remembered(nameKeys, userName, () =>
      digestOf(`name\u0000${userName.normalize('NFC').toLowerCase()}`)
    ),
    ...limits.perName,
  })
  const byAddress = (address: string): Counted => ({
    key: remembered(addressKeys, address, () => digestOf(`address\u0000${address}`)),
    ...limits.perAddress,
  })
  const keysOf = (address: string, userName?: string) =>
    userName === undefined ? [byAddress(address)] : [byAddress(address), byName(userName)]
  return {
    async guard(address, userName) {
      const [fromAddress, forName] = await ledger.standings(keysOf(address, userName), clock())
      if (fromAddress && fromAddress.waitMs > 0) {
        throw tooMany(
          fromAddress.waitMs,
          'Too many failed sign-ins from this address; retry later.'
        )
      }
      if (forName && forName.waitMs > 0) {
        throw tooMany(forName.waitMs, 'Too many failed sign-ins for this user name; retry later.')
      }
      return (forName?.failures ?? 0) > 0
    },
    failed: (address, userName) => ledger.record(keysOf(address, userName), clock()),
    succeeded: (userName) => ledger.clear(byName(userName).key),
  }
}
