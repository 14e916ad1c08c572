import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isXmlChar } from './parse-xml.ts'
import { xmlSafeText } from './value-to-xml.ts'

// Character by character, as the XML 1.0 Char production reads: the meaning the fast test keeps.
const reference = (value: string) =>
  Array.from(value, (char) => (isXmlChar(char.codePointAt(0) ?? 0) ? char : '\uFFFD')).join('')

describe('xmlSafeText', () => {
  it('replaces exactly the characters XML 1.0 cannot carry, lone surrogates included', () => {
    const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c))
    const edges = fc.constantFrom(
      '\u0000',
      '\u0008',
      '\t',
      '\n',
      '\r',
      '\u001f',
      ' ',
      '\ud7ff',
      '\ud800',
      '\udfff',
      '\ue000',
      '\ufffd',
      '\ufffe',
      '\uffff',
      '😀',
      'a'
    )
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(anyCodePoint, edges) }), (value) => {
        expect(xmlSafeText(value)).toBe(reference(value))
      }),
      { numRuns: 5000 }
    )
  })

  it('gives a text without such characters back as it is', () => {
    const clean = 'Printer on fire — ÆØÅ 😀 <&>'
    expect(xmlSafeText(clean)).toBe(clean)
    expect(xmlSafeText('a\u0001b\ud800c')).toBe('a\ufffdb\ufffdc')
  })
})
