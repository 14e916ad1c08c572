import { TicketEntity } from '@ticket/schema'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { withSharedJson } from '../json-text.ts'
import { isXmlChar, parseXml } from './parse-xml.ts'
import { valueToXml } from './value-to-xml.ts'
import { xmlToValue } from './xml-to-value.ts'

// Text XML can carry (every other character is sent as U+FFFD), weighted towards markup.
const char = fc.oneof(
  fc.constantFrom('&', '<', '>', '"', "'", '\r', '\n', '\t', ' ', ';', ']', '#', 'é', '😀'),
  fc
    .integer({ min: 0, max: 0x10ffff })
    .filter((code) => isXmlChar(code) && (code < 0xd800 || code > 0xdfff))
    .map((code) => String.fromCodePoint(code))
)
const text = fc.string({ unit: char, maxLength: 12 })
const int = fc.integer({ min: -2147483648, max: 2147483647 })
const date = fc.option(
  fc
    .date({ noInvalidDate: true, min: new Date('0001-01-01'), max: new Date('9999-12-31') })
    .map((d) => d.toISOString()),
  { nil: null }
)
const partial = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) =>
  fc.record(shape, { requiredKeys: [] })

const ticketish = partial({
  TicketId: int,
  Title: text,
  Deadline: date,
  HasAttachment: fc.boolean(),
  BaseStatus: fc.constantFrom('Active', 'Closed', 'Postponed', 'Deleted'),
  OwnedBy: fc.option(partial({ AssociateId: int, FullName: text, Deleted: fc.boolean() }), {
    nil: null,
  }),
  Tags: fc.array(partial({ Id: int, Name: text, ToolTip: text }), { maxLength: 4 }),
  SecondaryPersons: fc.array(partial({ PersonId: int, Firstname: text, Email: text }), {
    maxLength: 3,
  }),
  Messages: fc.array(
    partial({
      TicketMessageId: int,
      CreatedAt: date,
      Important: fc.boolean(),
      MessageHeaders: fc.array(partial({ Name: text, Value: text }), { maxLength: 3 }),
    }),
    { maxLength: 3 }
  ),
  CustomFields: fc.dictionary(text, text, { maxKeys: 4 }),
  FieldProperties: fc.dictionary(
    fc.constantFrom('Title', 'Deadline', 'OwnedBy', 'Tags'),
    partial({
      FieldRight: fc.option(partial({ Mask: text, Reason: text }), { nil: null }),
      FieldType: text,
      FieldLength: int,
    }),
    { maxKeys: 3 }
  ),
})

describe('XML round trip (property)', () => {
  it('reads back exactly the ticket-ish JSON value it wrote', () => {
    fc.assert(
      fc.property(ticketish, (value) => {
        const xml = valueToXml(value, 'TicketEntity', TicketEntity)
        const parsed = parseXml(xml)
        expect(parsed.ok, xml).toBe(true)
        const back = parsed.ok ? xmlToValue(parsed.node, TicketEntity, 65) : undefined
        expect(back).toStrictEqual(JSON.parse(JSON.stringify(value)))
      }),
      { numRuns: 300 }
    )
  })
})

describe('XML of an answer ending with a shared object (property)', () => {
  it('is the same text whether that object is built once and copied in, or built each time', () => {
    fc.assert(
      fc.property(ticketish, (value) => {
        const { FieldProperties, ...rest } = value
        const sharedValue = {
          ...rest,
          FieldProperties: withSharedJson(structuredClone(FieldProperties ?? {})),
        }
        const plain = { ...rest, FieldProperties: structuredClone(FieldProperties ?? {}) }
        const expected = valueToXml(plain, 'TicketEntity', TicketEntity)
        // Twice: the first answer builds the shared part, the second copies it.
        expect(valueToXml(sharedValue, 'TicketEntity', TicketEntity)).toBe(expected)
        expect(valueToXml(sharedValue, 'TicketEntity', TicketEntity)).toBe(expected)
      }),
      { numRuns: 300 }
    )
  })
})
