import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { retryDelayMs } from './backoff.ts'

describe('retryDelayMs (exponential, full jitter)', () => {
  test('stays within [0, min(cap, base·2^(tries-1)))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (tries, baseMs, capMs, r) => {
          const delay = retryDelayMs(tries, { baseMs, capMs, maxTries: 8 }, () => r)
          const ceiling = Math.min(capMs, baseMs * 2 ** (tries - 1))
          expect(delay).toBeGreaterThanOrEqual(0)
          expect(delay).toBeLessThan(Math.max(1, ceiling))
        }
      )
    )
  })

  test('the ceiling doubles per try until the cap', () => {
    const policy = { baseMs: 100, capMs: 1_000, maxTries: 8 }
    const almostOne = () => 0.999_999
    expect([1, 2, 3, 4, 5].map((t) => retryDelayMs(t, policy, almostOne))).toEqual([
      99, 199, 399, 799, 999,
    ])
  })
})
