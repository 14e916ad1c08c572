import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FailureWindow } from './failure-window.ts'

describe('FailureWindow', () => {
  it('holds a key back exactly while it has `limit` failures in the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(fc.record({ gap: fc.nat(400), fail: fc.boolean() }), { maxLength: 60 }),
        (limit, windowMs, steps) => {
          const window = new FailureWindow(limit, windowMs)
          const recorded: number[] = []
          let now = 0
          for (const { gap, fail } of steps) {
            now += gap
            const live = recorded.filter((t) => t > now - windowMs)
            const wait = window.retryAfterMs('k', now)
            expect(wait > 0).toBe(live.length >= limit)
            if (wait > 0) {
              // Retrying after the advertised wait is allowed, a millisecond earlier is not.
              expect(window.retryAfterMs('k', now + wait - 1)).toBeGreaterThan(0)
              now += wait
              expect(window.retryAfterMs('k', now)).toBe(0)
              expect(recorded.filter((t) => t > now - windowMs).length).toBeLessThan(limit)
            } else if (fail) {
              window.fail('k', now)
              recorded.push(now)
            }
          }
        }
      )
    )
  })

  it('keeps at most maxKeys keys, dropping the least recently failed', () => {
    const window = new FailureWindow(1, 1000, 2)
    window.fail('a', 0)
    window.fail('b', 1)
    window.fail('c', 2)
    expect(window.retryAfterMs('a', 3)).toBe(0)
    expect(window.retryAfterMs('b', 3)).toBeGreaterThan(0)
    expect(window.retryAfterMs('c', 3)).toBeGreaterThan(0)
  })
})
