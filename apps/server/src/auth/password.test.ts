import { beforeEach, describe, expect, it } from 'vitest'
import { loadEnv } from '../env.ts'
import { CredentialCache } from './credential-cache.ts'
import { hashPassword, passwordDerivations, setPasswordCost, verifyPassword } from './password.ts'

describe('password hashing', () => {
  // The cost is process-wide, and a test worker runs other files first (their servers hash at
  // a low cost to stay fast): these tests hash at the configured default.
  const defaultCost = loadEnv({}).TICKET_PASSWORD_COST
  beforeEach(() => setPasswordCost(defaultCost))

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse')
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(await verifyPassword('correct horse', stored)).toBe(true)
    expect(await verifyPassword('correct hors', stored)).toBe(false)
  })

  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'))
  })

  it('runs at most two derivations at a time', async () => {
    const stored = await hashPassword('queued')
    const checks = Array.from({ length: 5 }, () => verifyPassword('queued', stored))
    await new Promise((resolve) => setImmediate(resolve))
    expect(passwordDerivations.activeCount).toBe(2)
    expect(passwordDerivations.pendingCount).toBe(3)
    expect(await Promise.all(checks)).toEqual(Array(5).fill(true))
    expect(passwordDerivations.activeCount).toBe(0)
  })

  it('treats a malformed hash as a mismatch', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false)
  })
})

describe('credential cache', () => {
  it('expires entries and evicts the oldest beyond its bound', () => {
    let now = 0
    const cache = new CredentialCache<number>(1000, 2, () => now)
    cache.set('a', 1)
    cache.set('b', 2)
    cache.set('c', 3)
    expect(cache.lookup('a')).toBeUndefined()
    expect(cache.lookup('c')).toEqual({ value: 3, expired: false })
    now = 1000
    expect(cache.lookup('b')).toEqual({ value: 2, expired: true })
    cache.set('b', 4)
    expect(cache.lookup('b')).toEqual({ value: 4, expired: false })
  })
})
