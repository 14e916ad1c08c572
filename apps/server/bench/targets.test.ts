import { describe, expect, it } from 'vitest'
import type { Measurement } from './measure.ts'
import {
  isJudged,
  judgedPairs,
  medianRoundRatios,
  type Pair,
  type Results,
  verdicts,
} from './targets.ts'

const run = (perSecond: number): Measurement => ({
  requests: perSecond * 5,
  perSecond,
  p50: 1,
  p99: 10,
  p99WholeMs: 10,
  cpuMsPerRequest: 0.1,
  mainThreadMsPerRequest: 0.1,
  systemMsPerRequest: 0.05,
  peakRssMiB: 150,
  non2xx: 0,
  conflicts: 0,
  errors: 0,
})
const even: Pair = {
  service: run(1000),
  baseline: run(1000),
  rounds: [{ service: run(1000), baseline: run(1000) }],
}

const resultsWith = (names: string[]): Results => ({
  pairs: new Map(names.map((name) => [name, even])),
  importPerSecond: 30_000,
  largeTickets: 1_000_000,
})

// The runner gives the judged pairs more rounds; the list must be exactly what the targets read.
describe('the pairs the targets judge', () => {
  const judged = Object.values(judgedPairs) as string[]

  it('meet every target when each judged pair is measured and on par with its baseline', () => {
    expect(verdicts(resultsWith(judged)).filter((v) => !v.met)).toEqual([])
  })

  it.each(judged)('leave a target unmet when %s is missing', (missing) => {
    const verdictsWithout = verdicts(resultsWith(judged.filter((name) => name !== missing)))
    expect(verdictsWithout.some((v) => !v.met)).toBe(true)
  })

  it('are told from the pairs no target reads', () => {
    expect(judged.every(isJudged)).toBe(true)
    for (const name of ['sqlite/create notify=true', 'large/create', 'compare/sqlite/create']) {
      expect(isJudged(name)).toBe(false)
    }
  })
})

describe("the median of the rounds' own ratios", () => {
  it("divides the two sides of each round, not the two sides' medians", () => {
    // Medians 3,000 over 10,000 (0.300); the rounds' own ratios 0.2, 0.4 and 0.35 (median 0.35).
    const rounds = [
      { service: run(2000), baseline: run(10_000) },
      { service: run(3000), baseline: run(7500) },
      { service: run(3500), baseline: run(10_000) },
    ]
    const create: Pair = { service: run(3000), baseline: run(10_000), rounds }
    const results: Results = { pairs: new Map([[judgedPairs.create, create]]), largeTickets: 0 }
    expect(medianRoundRatios(results)).toEqual([[judgedPairs.create, 0.35]])
  })
})
