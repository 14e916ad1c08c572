import { describe, expect, it } from 'vitest'
import { listShape, rowShape, rowsShape, shapeKey } from './statement-shape.ts'

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

describe('rowShape', () => {
  it('writes the defined keys only, and names values with the same defined keys alike', () => {
    const both = rowShape('test.row', { a: 1, b: 'x' })
    const onlyA = rowShape('test.row', { a: 2, b: undefined })
    expect(Object.keys(both.placeholders())).toEqual(['a', 'b'])
    expect(Object.keys(onlyA.placeholders())).toEqual(['a'])
    expect(onlyA.key).not.toBe(both.key)
    expect(rowShape('test.row', { a: 3, b: 'y' }).key).toBe(both.key)
    expect(rowShape('test.row', { a: 4 }).key).toBe(onlyA.key)
  })
})

describe('rowsShape and listShape', () => {
  it('name one statement per row count and keys, and give each row its own values', () => {
    const two = rowsShape('test.rows', [
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ])
    const three = rowsShape('test.rows', [
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
      { a: 3, b: 'z' },
    ])
    const otherKeys = rowsShape('test.rows', [
      { b: 'x', a: 1 },
      { b: 'y', a: 2 },
    ])
    expect(new Set([two.key, three.key, otherKeys.key]).size).toBe(3)
    expect(
      rowsShape('test.rows', [
        { a: 9, b: 'q' },
        { a: 8, b: 'r' },
      ]).key
    ).toBe(two.key)
    expect(two.values).toEqual({ a$0: 1, b$0: 'x', a$1: 2, b$1: 'y' })
    expect(two.placeholders().map((row) => Object.keys(row))).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ])
  })

  it('name one statement per list length', () => {
    const list = listShape('test.list', [7, 8])
    expect(list.key).not.toBe(listShape('test.list', [7, 8, 9]).key)
    expect(list.key).toBe(listShape('test.list', [1, 2]).key)
    expect(list.values).toEqual({ id$0: 7, id$1: 8 })
    expect(list.placeholders()).toHaveLength(2)
  })
})
