import { TicketEntity } from '@ticket/schema'
import { describe, expect, it } from 'vitest'
import { datesIn } from '../locale/convert-dates.ts'
import { parseTimeZone, type TimeZoneChoice } from '../locale/time-zone.ts'
import { referenceSampleText } from '../test/reference-sample.ts'
import { fastEntityReader } from './fast-entity.ts'
import { inspectBody } from './gate.ts'
import { compileBodyParser } from './parse-body.ts'

const sample = referenceSampleText
const parseTicket = compileBodyParser(TicketEntity)
const readFast = fastEntityReader(TicketEntity)

/** What a JSON ticket body becomes when the gate finds nothing: dates in the zone, then parsed. */
function fullReading(text: string, zone: TimeZoneChoice | null) {
  const raw: unknown = JSON.parse(text)
  expect(inspectBody(raw, TicketEntity)).toEqual([])
  return parseTicket(datesIn(raw, TicketEntity, zone))
}

const oslo = parseTimeZone('Europe/Oslo') as TimeZoneChoice
const bodies: Record<string, string> = {
  'the reference sample': JSON.stringify(JSON.parse(sample)),
  'a title only': '{"Title":"Printer on fire"}',
  'dates with and without an offset':
    '{"Title":"t","Activate":"2031-07-01T10:00:00+02:00","Deadline":"2031-07-01T10:00:00"}',
  'a date in a DST gap': '{"Title":"t","Deadline":"2031-03-30T02:30:00"}',
  'carriers with read-only parts': `{"Title":"t","OwnedBy":{"AssociateId":2,"FieldProperties":{"Name":{"FieldRight":{"Mask":"Read"}}}}}`,
  dictionaries: '{"Title":"t","CustomFields":{"x_colour":"red","":"empty key"}}',
}

describe('the fast reading of a JSON entity body', () => {
  for (const [name, text] of Object.entries(bodies)) {
    for (const zone of [null, oslo]) {
      it(`reads ${name} ${zone ? 'in Europe/Oslo' : 'without a zone'} as the full reading does`, () => {
        const fast = readFast(text, JSON.parse(text), zone)
        expect(fast).toBeDefined()
        expect(fast).toEqual(fullReading(text, zone))
      })
    }
  }

  it('declines what the full reading must report or reshape', () => {
    const declined = [
      '{"title":"other casing"}',
      '{"Title":"t","Colour":"an unknown property"}',
      '{"Title":"t","Slevel":2}',
      '{"Title":"t","Deadline":""}',
      '{"Title":"\\u00e9 an escape"}',
      '{"Title":5}',
      '{"Title":"t","Activate":"yesterday"}',
      '{"Title":"t","Activate":"9999-12-31T23:30:00-01:00"}',
      '{"Title":"t","CustomFields":{"Constructor":"x"}}',
      '{"Title":"t","OwnedBy":{"AssociateId":2,"FieldProperties":{"__proto__":{}}}}',
      `{"Title":"t","Category":{"TicketCategoryId":1,"ExtraFields":{"${'k'.repeat(1001)}":"x"}}}`,
      `{"Title":"${'x'.repeat(100_001)}"}`,
      `{"Title":"t","Tags":[${Array(1001).fill('{"Id":1}').join(',')}]}`,
      '[1,2]',
    ]
    for (const text of declined) {
      expect(readFast(text, JSON.parse(text), null), text.slice(0, 80)).toBeUndefined()
    }
  })
})
