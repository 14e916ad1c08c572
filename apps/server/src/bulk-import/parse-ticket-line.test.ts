import { describe, expect, it } from 'vitest'
import { ApiError } from '../http/api-error.ts'
import { referenceSampleText } from '../test/reference-sample.ts'
import { parseTicketLine, parseTicketLineFully, readsFast } from './parse-ticket-line.ts'

const sample = referenceSampleText

/** What a path makes of a line: the value, or the problem it throws. */
function outcome(parse: (text: string) => unknown, text: string) {
  try {
    return { value: parse(text) }
  } catch (error) {
    if (error instanceof ApiError) {
      return { problem: error.message, errors: error.errors }
    }
    return { thrown: String(error) }
  }
}

const lines: Record<string, string> = {
  'the reference sample': JSON.stringify(JSON.parse(sample)),
  'a title only': '{"Title":"Printer on fire"}',
  'carriers and a date with an offset':
    '{"Title":"t","OwnedBy":{"AssociateId":2},"Activate":"2031-01-01T10:00:00+02:00"}',
  'other casing': '{"title":"t","slevel":"External"}',
  'an unknown property': '{"Title":"t","Colour":"red"}',
  'an enum by number': '{"Title":"t","Slevel":2}',
  'an empty date': '{"Title":"t","Deadline":""}',
  'NUL in a read-only property': '{"Title":"t","Author":"a","IconHint":"x\\u0000y"}',
  'a lone surrogate': '{"Title":"\\ud800"}',
  'a forbidden name in a dictionary': '{"Title":"t","CustomFields":{"__proto__":"x"}}',
  'a forbidden name in other casing': '{"Title":"t","ExtraFields":{"Constructor":"x"}}',
  'a forbidden name at the top': '{"Title":"t","__proto__":{"Title":"u"}}',
  'a forbidden name in a carrier': '{"Title":"t","OwnedBy":{"AssociateId":2,"prototype":1}}',
  'a forbidden name in a nested dictionary':
    '{"Title":"t","OwnedBy":{"AssociateId":2,"FieldProperties":{"Prototype":{}}}}',
  'a long name in a nested dictionary': `{"Title":"t","Category":{"TicketCategoryId":1,"ExtraFields":{"${'k'.repeat(1001)}":"x"}}}`,
  'a name with a line break in a dictionary': '{"Title":"t","CustomFields":{"a\\nb":"x"}}',
  'a long name in a dictionary': `{"Title":"t","CustomFields":{"${'k'.repeat(1001)}":"x"}}`,
  'a too long string in a read-only property': `{"Title":"t","IconHint":"${'x'.repeat(100_001)}"}`,
  'too many items': `{"Title":"t","Tags":[${Array(1001).fill('{"Id":1}').join(',')}]}`,
  'a wrong type': '{"Title":5}',
  'a bad date': '{"Title":"t","Activate":"yesterday"}',
  'a date whose UTC form has a five-digit year':
    '{"Title":"t","Activate":"9999-12-31T23:30:00-01:00"}',
  'not an object': '[1,2]',
}

describe('parseTicketLine', () => {
  for (const [name, text] of Object.entries(lines)) {
    it(`reads ${name} as the full create parser does`, () => {
      expect(outcome(parseTicketLine, text)).toEqual(outcome(parseTicketLineFully, text))
    })
  }

  it('takes the fast path for valid lines in canonical form, the full one otherwise', () => {
    expect(readsFast(lines['the reference sample'] as string)).toBe(true)
    expect(readsFast(lines['carriers and a date with an offset'] as string)).toBe(true)
    expect(readsFast(lines['other casing'] as string)).toBe(false)
    expect(readsFast(lines['an enum by number'] as string)).toBe(false)
  })

  it('drops read-only properties and stores dates as UTC on the fast path', () => {
    const input = parseTicketLine(lines['the reference sample'] as string)
    expect(input).not.toHaveProperty('NumReplies')
    expect(input).not.toHaveProperty('Messages')
    expect(input.Activate).toBe('2010-07-23T15:37:39.251Z')
  })
})
