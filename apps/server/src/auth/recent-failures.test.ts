import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RecentFailures } from './recent-failures.ts'

const horizonMs = 1000

describe('RecentFailures', () => {
  it('never rules out a key that failed within the window, however full it gets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(
          fc.record({
            gap: fc.nat(300),
            // A failure heard a little late (another process's message), or a check.
            heard: fc.option(
              fc.record({ keys: fc.subarray(['a', 'b', 'c', 'd', 'e', 'f']), lag: fc.nat(200) })
            ),
            key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
            windowMs: fc.integer({ min: 1, max: horizonMs }),
          }),
          { maxLength: 80 }
        ),
        (capacity, steps) => {
          const recent = new RecentFailures(horizonMs, capacity)
          const failures: Array<{ key: string; at: number }> = []
          let now = 1_000_000
          for (const { gap, heard, key, windowMs } of steps) {
            now += gap
            if (heard) {
              const at = now - heard.lag
              recent.heard(heard.keys, at)
              failures.push(...heard.keys.map((k) => ({ key: k, at })))
            } else if (failures.some((f) => f.key === key && f.at + windowMs > now)) {
              expect(recent.mayHaveFailed(key, windowMs, now)).toBe(true)
            }
          }
        }
      )
    )
  })

  it('rules out keys it never heard of, and keys whose failures aged out', () => {
    const recent = new RecentFailures(horizonMs, 10)
    expect(recent.mayHaveFailed('a', 500, 0)).toBe(false)
    recent.heard(['a'], 100)
    expect(recent.mayHaveFailed('a', 500, 599)).toBe(true)
    expect(recent.mayHaveFailed('b', 500, 599)).toBe(false)
    // Exactly as the table's read: failures after `now - windowMs` count.
    expect(recent.mayHaveFailed('a', 500, 600)).toBe(false)
    expect(recent.mayHaveFailed('a', 1000, 600)).toBe(true)
  })

  it('past its capacity answers "maybe" for every key until the newest failure is past the horizon', () => {
    const recent = new RecentFailures(horizonMs, 2)
    recent.heard(['a'], 100)
    recent.heard(['b'], 300)
    recent.heard(['c'], 200)
    expect(recent.mayHaveFailed('never', 10, 1299)).toBe(true)
    // Failures heard meanwhile extend it.
    recent.heard(['d'], 500)
    expect(recent.mayHaveFailed('never', 10, 1499)).toBe(true)
    expect(recent.mayHaveFailed('never', 10, 1500)).toBe(false)
    // Then it remembers keys one by one again.
    recent.heard(['e'], 1600)
    expect(recent.mayHaveFailed('e', 10, 1605)).toBe(true)
    expect(recent.mayHaveFailed('never', 10, 1605)).toBe(false)
  })

  it('makes room by dropping keys past the horizon before it gives up', () => {
    const recent = new RecentFailures(horizonMs, 2)
    recent.heard(['a'], 100)
    recent.heard(['b'], 1200)
    // 'a' is past the horizon at 1200: dropped, so 'c' fits and nothing overflows.
    recent.heard(['c'], 1200)
    expect(recent.mayHaveFailed('never', 10, 1201)).toBe(false)
    expect(recent.mayHaveFailed('c', 10, 1201)).toBe(true)
  })
})
