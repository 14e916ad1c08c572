import { describe, expect, it } from 'vitest'
import { percentile } from './percentile.ts'

describe('percentile', () => {
  it('answers by nearest rank, keeping the fraction of a millisecond', () => {
    const times = Array.from({ length: 100 }, (_, i) => (i + 1) / 10 + 2)
    expect(percentile(times, 0.5)).toBeCloseTo(7)
    expect(percentile(times, 0.99)).toBeCloseTo(11.9)
    expect(percentile(times, 1)).toBeCloseTo(12)
  })

  it('gives the one value of a single answer, and NaN for none', () => {
    expect(percentile([2.95], 0.99)).toBe(2.95)
    expect(percentile([], 0.99)).toBeNaN()
  })

  it('never falls below the first value for a tiny share', () => {
    expect(percentile([1.5, 2.5, 3.5], 0)).toBe(1.5)
  })
})
