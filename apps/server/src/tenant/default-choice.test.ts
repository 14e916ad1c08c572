import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultIndex, flagNames, joinFlags, withFlag } from './default-choice.ts'

describe('default choice', () => {
  it('picks the first marked item, else the first item, -1 for none', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean()), (marks) => {
        const index = defaultIndex(marks, (m) => m)
        const firstMarked = marks.indexOf(true)
        expect(index).toBe(marks.length === 0 ? -1 : Math.max(firstMarked, 0))
      })
    )
  })

  it('sets and clears one flag, keeping the others in order', () => {
    const flag = fc.constantFrom('External', 'Default', 'AlertSchedule', 'Unknown')
    fc.assert(
      fc.property(fc.array(flag), flag, fc.boolean(), (flags, one, on) => {
        const joined = withFlag(joinFlags(flags), one, on)
        const names = flagNames(joined)
        expect(names.includes(one)).toBe(on && one !== 'Unknown')
        expect(names.filter((n) => n !== one)).toEqual(
          [...new Set(flagNames(flags.join(', ')))].filter((n) => n !== one)
        )
        expect(withFlag(joined, one, on)).toBe(joined)
      })
    )
    expect(withFlag('Unknown', 'Default', true)).toBe('Default')
    expect(withFlag('External, Default', 'Default', false)).toBe('External')
    expect(joinFlags([])).toBe('Unknown')
    expect(withFlag('External', 'Unknown', true)).toBe('External')
  })
})
