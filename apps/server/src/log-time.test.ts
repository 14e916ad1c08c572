import { describe, expect, it } from 'vitest'
import { isoTimeOncePerSecond } from './log-time.ts'

describe('isoTimeOncePerSecond', () => {
  it("writes exactly what pino's isoTime writes, across seconds and milliseconds", () => {
    let at = Date.parse('2026-12-02T01:09:59.990Z')
    const time = isoTimeOncePerSecond(() => at)
    for (const step of [0, 1, 4, 5, 90, 9, 1, 900, 1000, 86_400_000, 7]) {
      at += step
      expect(time()).toBe(`,"time":"${new Date(at).toISOString()}"`)
    }
  })
})
