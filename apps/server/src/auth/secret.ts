import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * A new 256-bit random secret, URL-safe, behind a prefix that says what it is.
 * @example newSecret('tk_') // 'tk_3vQd…' (46 characters)
 */
export const newSecret = (prefix: string): string =>
  `${prefix}${randomBytes(32).toString('base64url')}`

/**
 * SHA-256 (hex) of a secret we issued. A fast digest is right here, unlike for passwords: the
 * secrets are 256-bit random values, so there is no dictionary for a slow hash to slow down, and
 * every Bearer/SOTicket request can be checked with one indexed lookup.
 */
export const digestOf = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex')

/** Constant-time check of a presented secret against a stored digest. */
export function matchesDigest(secret: string, digest: string): boolean {
  const presented = Buffer.from(digestOf(secret), 'hex')
  const stored = Buffer.from(digest, 'hex')
  return presented.length === stored.length && timingSafeEqual(presented, stored)
}
