import { describe, expect, it } from 'vitest'
import { resolveLanguage } from './language.ts'
import { resolveStrings, resolveText } from './resolve-text.ts'

describe('resolveLanguage', () => {
  it.each([
    ['en', 'US'],
    ['en-US', 'US'],
    ['en-GB', 'GB'],
    ['no', 'NO'],
    ['nb-NO', 'NO'],
    ['nn', 'NO'],
    ['sv-SE', 'SE'],
    ['da', 'DK'],
    ['de-CH', 'DE'],
    ['nl', 'NL'],
  ])('maps Accept-Language %s to %s', (tag, code) => {
    expect(resolveLanguage(tag, undefined)).toBe(code)
  })

  it('takes the best-ranked language it knows, by q then order', () => {
    expect(resolveLanguage('fr;q=0.9, sv;q=0.8, en;q=0.5', undefined)).toBe('SE')
    expect(resolveLanguage('en;q=0.2, da', undefined)).toBe('DK')
    expect(resolveLanguage('de;q=0, nl;q=0.1', undefined)).toBe('NL')
  })

  it('turns resolution on with US for a language it has no code for', () => {
    expect(resolveLanguage('fr-FR', undefined)).toBe('US')
  })

  it('lets SO-Language win, and * or x turn resolution off', () => {
    expect(resolveLanguage('en', 'no')).toBe('NO')
    expect(resolveLanguage('en', 'NO')).toBe('NO')
    expect(resolveLanguage('en', '*')).toBeNull()
    expect(resolveLanguage('en', 'X')).toBeNull()
  })

  it('is off without either header', () => {
    expect(resolveLanguage(undefined, undefined)).toBeNull()
    expect(resolveLanguage('  ', '')).toBeNull()
  })
})

describe('resolveText', () => {
  it('picks the language of a multi-language value, else US, else the first', () => {
    const value = 'NO:"Høy";US:"High";DE:"Hoch"'
    expect(resolveText(value, 'NO')).toBe('Høy')
    expect(resolveText(value, 'DE')).toBe('Hoch')
    expect(resolveText(value, 'SE')).toBe('High')
    expect(resolveText('NO:"Faktura";DK:"Faktura DK"', 'GB')).toBe('Faktura')
  })

  it('resolves known string references anywhere in a string and keeps unknown ones', () => {
    expect(resolveText('[SR_MANDATORY_FIELD_1281]', 'NO')).toBe('Obligatorisk felt')
    expect(resolveText('Title: [SR_MANDATORY_FIELD_1281]!', 'US')).toBe('Title: Mandatory field!')
    expect(resolveText('[SR_NOT_IN_OUR_TABLE_1]', 'US')).toBe('[SR_NOT_IN_OUR_TABLE_1]')
  })

  it('leaves ordinary strings, including ones that only look alike, unchanged', () => {
    for (const text of ['Printer on fire', 'NO: "Høy"', 'NO:"unterminated', 'x NO:"a";US:"b"']) {
      expect(resolveText(text, 'NO')).toBe(text)
    }
  })

  it('resolves every string of a nested value without touching keys or other types', () => {
    const value = {
      'NO:"k";US:"k"': 'NO:"Høy";US:"High"',
      list: [{ Name: 'NO:"Lav";US:"Low"', Rank: 3, Deleted: false, None: null }],
    }
    expect(resolveStrings(value, 'US')).toEqual({
      'NO:"k";US:"k"': 'High',
      list: [{ Name: 'Low', Rank: 3, Deleted: false, None: null }],
    })
    expect(value.list[0]?.Name).toBe('NO:"Lav";US:"Low"')
  })
})
