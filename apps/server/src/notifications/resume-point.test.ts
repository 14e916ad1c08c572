import { StreamHeaders } from '@ticket/schema'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  formatResumePoint,
  parseResumePoint,
  RESUME_WINDOW,
  resumePointOf,
} from './resume-point.ts'

/** What the operation accepts as `Last-Event-ID`: every point a stream writes must pass it. */
const lastEventIdPattern = (() => {
  const { pattern } = StreamHeaders.properties['Last-Event-ID']
  if (!pattern) {
    throw new Error('the Last-Event-ID header has no pattern')
  }
  return new RegExp(pattern)
})()

describe('a stream resume point', () => {
  test('ids sent in a row make a plain number, as before ids above it were remembered', () => {
    expect(formatResumePoint(resumePointOf(10, new Set([11, 12, 13])))).toBe('13')
    expect(parseResumePoint('13')).toEqual({ low: 13, above: [] })
  })

  test('an id sent above a gap is remembered, so the gap is still owed', () => {
    const point = resumePointOf(0, new Set([1, 2, 5]))
    expect(point).toEqual({ low: 2, above: [5] })
    expect(formatResumePoint(point)).toBe('2~BA')
    expect(parseResumePoint('2~BA')).toEqual(point)
  })

  test('ids more than the window below the highest sent are given up', () => {
    const point = resumePointOf(0, new Set([3, RESUME_WINDOW + 10]))
    expect(point).toEqual({ low: 10, above: [RESUME_WINDOW + 10] })
  })

  test('what is written is what is read back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.uniqueArray(fc.integer({ min: 1, max: RESUME_WINDOW }), { maxLength: 60 }),
        (floor, offsets) => {
          const point = resumePointOf(floor, new Set(offsets.map((offset) => floor + offset)))
          const text = formatResumePoint(point)
          expect(text).toMatch(lastEventIdPattern)
          expect(parseResumePoint(text)).toEqual(point)
        }
      )
    )
  })
})
