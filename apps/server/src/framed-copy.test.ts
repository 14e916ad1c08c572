import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { framedCopier } from './framed-copy.ts'

const spread = (head: unknown, from: Record<string, unknown>, tail: unknown) => ({
  TableRight: head,
  ...from,
  FieldProperties: tail,
})

/** Same keys in the same order, same values, same prototype: what the spread makes. */
function expectSameAsSpread(copy: Record<string, unknown>, expected: Record<string, unknown>) {
  expect(Object.keys(copy)).toEqual(Object.keys(expected))
  expect(copy).toEqual(expected)
  expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
  expect(JSON.stringify(copy)).toBe(JSON.stringify(expected))
}

describe('framedCopier', () => {
  it('copies any plain object exactly as the spread between the two keys does', () => {
    const stamp = framedCopier('TableRight', 'FieldProperties')
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 12 }),
        fc.jsonValue(),
        fc.jsonValue(),
        (from, head, tail) => {
          expectSameAsSpread(stamp(head, from, tail), spread(head, from, tail))
        }
      ),
      { numRuns: 300 }
    )
  })

  it('reuses the code of a key list, with each object its own values', () => {
    const stamp = framedCopier('TableRight', 'FieldProperties')
    const first = stamp(1, { TicketId: 1, Title: 'a' }, 2)
    const second = stamp(3, { TicketId: 2, Title: 'b' }, 4)
    expectSameAsSpread(first, spread(1, { TicketId: 1, Title: 'a' }, 2))
    expectSameAsSpread(second, spread(3, { TicketId: 2, Title: 'b' }, 4))
    expect(second).not.toBe(first)
  })

  it("keeps the spread's answer for the frame's own keys, __proto__ and symbols", () => {
    const stamp = framedCopier('TableRight', 'FieldProperties')
    const ownFrame = { FieldProperties: 'old', Title: 'x', TableRight: 'old' }
    expectSameAsSpread(stamp('new', ownFrame, 'new'), spread('new', ownFrame, 'new'))
    const proto = JSON.parse('{"__proto__": {"polluted": true}, "Title": "x"}')
    const copied = stamp(1, proto, 2)
    expectSameAsSpread(copied, spread(1, proto, 2))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const marked = Symbol('marked')
    const withSymbol = { Title: 'x', [marked]: true }
    expect(stamp(1, withSymbol, 2)[marked as unknown as string]).toBe(true)
    // The same key list as an object copied before, now with a symbol too.
    stamp(1, { Title: 'y' }, 2)
    expect(stamp(1, withSymbol, 2)[marked as unknown as string]).toBe(true)
  })
})
