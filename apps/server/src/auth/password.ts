import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'
import pLimit from 'p-limit'

// Node's own scrypt: salted, memory-hard, maintained with the runtime, no native add-on to build.
const params = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

/**
 * The work factor of new hashes (log2 of scrypt's N), from TICKET_PASSWORD_COST. Every stored
 * hash records its own parameters, so changing the cost never breaks existing passwords.
 */
export function setPasswordCost(log2N: number): void {
  params.N = 2 ** log2N
}
const keyLength = 32

/**
 * At most two derivations at a time. Each holds 128 · N · r bytes outside the JavaScript heap
 * while it runs (32 MiB at the default cost), and libuv's pool would otherwise run four: a burst
 * of sign-ins added 130 MB to the server's memory at once. Two keep both cores of a small
 * machine busy, so the cap costs no throughput there, and the rest of the pool stays free for
 * file and compression work.
 */
export const passwordDerivations = pLimit(2)

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return passwordDerivations(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
          error ? reject(error) : resolve(key)
        )
      })
  )
}

/**
 * @example await hashPassword('s3cret') // 'scrypt$32768$8$1$<salt>$<hash>'
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, params)
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$')
}

/** Constant-time check of a password against a stored hash; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) {
    return false
  }
  const expected = Buffer.from(hash, 'base64')
  const key = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: params.maxmem,
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}
