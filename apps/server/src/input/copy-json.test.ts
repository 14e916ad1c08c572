import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { copyJson } from './copy-json.ts'

describe('copyJson', () => {
  it('equals structuredClone for every JSON value and shares nothing with the original', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = copyJson(value)
        expect(copy).toStrictEqual(structuredClone(value))
        if (value !== null && typeof value === 'object') {
          expect(copy).not.toBe(value)
        }
      }),
      { numRuns: 2000 }
    )
  })

  it('keeps key order and copies nested containers', () => {
    const original: { b: number; a: { list: [{ x: number }] } } = { b: 1, a: { list: [{ x: 1 }] } }
    const copy = copyJson(original)
    expect(Object.keys(copy)).toEqual(['b', 'a'])
    copy.a.list[0].x = 2
    expect(original.a.list[0].x).toBe(1)
  })

  it('copies a key named __proto__ as an own property', () => {
    const original = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>
    const copy = copyJson(original)
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(Object.hasOwn(copy, '__proto__')).toBe(true)
    expect(copy).toStrictEqual(structuredClone(original))
  })
})
