import { describe, expect, it } from 'vitest'
import { shapeKey } from './statement-shape.ts'

describe('shapeKey', () => {
  it('names one shape the same every time, and each other shape apart, in any order asked', () => {
    const ab = shapeKey('test.shape', ['a', 'b'])
    const abc = shapeKey('test.shape', ['a', 'b', 'c'])
    const ba = shapeKey('test.shape', ['b', 'a'])
    expect(new Set([ab, abc, ba]).size).toBe(3)
    expect(shapeKey('test.shape', ['a', 'b'])).toBe(ab)
    expect(shapeKey('test.shape', ['a', 'b'])).toBe(ab)
    expect(shapeKey('test.shape', ['b', 'a'])).toBe(ba)
    expect(shapeKey('test.shape', ['a', 'b', 'c'])).toBe(abc)
    expect(shapeKey('test.other', ['a', 'b'])).not.toBe(ab)
  })

  it('is not fooled by a caller changing the keys array it passed before', () => {
    const keys = ['x', 'y']
    const xy = shapeKey('test.mutated', keys)
    keys.push('z')
    expect(shapeKey('test.mutated', keys)).not.toBe(xy)
    expect(shapeKey('test.mutated', ['x', 'y'])).toBe(xy)
  })
})
