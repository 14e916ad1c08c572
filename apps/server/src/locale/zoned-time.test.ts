import { isDateTime } from '@ticket/schema'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dateIn, datesOut } from './convert-dates.ts'
import { parseTimeZone } from './time-zone.ts'
import { parseIso, toZoned, utcIsoText, wallToEpoch, zoneOffset } from './zoned-time.ts'

const utc = (iso: string) => Date.parse(iso)

describe('zone arithmetic over the platform time-zone data', () => {
  it('knows Oslo is +1 in winter, +2 in summer, and New York -5 / -4', () => {
    expect(zoneOffset('Europe/Oslo', utc('2024-01-15T12:00:00Z'))).toBe(60)
    expect(zoneOffset('Europe/Oslo', utc('2024-07-15T12:00:00Z'))).toBe(120)
    expect(zoneOffset('America/New_York', utc('2024-01-15T12:00:00Z'))).toBe(-300)
    expect(zoneOffset('America/New_York', utc('2024-07-15T12:00:00Z'))).toBe(-240)
    expect(zoneOffset('UTC', utc('2024-07-15T12:00:00Z'))).toBe(0)
  })

  it('writes wall time with and without the offset', () => {
    expect(toZoned(utc('2024-01-15T11:00:00Z'), 'Europe/Oslo', false)).toBe(
      '2024-01-15T12:00:00.000'
    )
    expect(toZoned(utc('2024-07-15T10:00:00Z'), 'Europe/Oslo', true)).toBe(
      '2024-07-15T12:00:00.000+02:00'
    )
    expect(toZoned(utc('2024-01-15T17:00:00Z'), 'America/New_York', true)).toBe(
      '2024-01-15T12:00:00.000-05:00'
    )
    expect(toZoned(utc('2024-01-15T06:30:00Z'), 'Asia/Kolkata', true)).toBe(
      '2024-01-15T12:00:00.000+05:30'
    )
  })

  it('reads wall time back to the instant, across DST changes', () => {
    const wall = (iso: string) => utc(`${iso}Z`)
    expect(wallToEpoch('Europe/Oslo', wall('2024-01-15T12:00:00'))).toBe(
      utc('2024-01-15T11:00:00Z')
    )
    expect(wallToEpoch('Europe/Oslo', wall('2024-07-15T12:00:00'))).toBe(
      utc('2024-07-15T10:00:00Z')
    )
    // 2024-03-31 02:30 does not exist in Oslo: moved forward by the gap, to 03:30 +02:00.
    expect(wallToEpoch('Europe/Oslo', wall('2024-03-31T02:30:00'))).toBe(
      utc('2024-03-31T01:30:00Z')
    )
    // 2024-10-27 02:30 happens twice in Oslo: the earlier one (+02:00) wins.
    expect(wallToEpoch('Europe/Oslo', wall('2024-10-27T02:30:00'))).toBe(
      utc('2024-10-27T00:30:00Z')
    )
    expect(wallToEpoch('America/New_York', wall('2024-11-03T01:30:00'))).toBe(
      utc('2024-11-03T05:30:00Z')
    )
  })

  it('parses the schema date grammar, including years below 100 and offsets without a colon', () => {
    expect(parseIso('0001-01-01T00:00:00')?.wall).toBe(utc('0001-01-01T00:00:00Z'))
    expect(parseIso('2018-12-24T07:34:45-0500')).toEqual({
      wall: utc('2018-12-24T07:34:45Z'),
      offsetMinutes: -300,
    })
    expect(parseIso('2020-04-28T17:37:39.2513093+02:00')?.wall).toBe(
      utc('2020-04-28T17:37:39.251Z')
    )
    expect(parseIso('2024-02-30T10:00:00')).toBeUndefined()
    expect(parseIso('yesterday')).toBeUndefined()
  })
})

describe('SO-TimeZone header', () => {
  it('takes SuperOffice codes, their documented ids and IANA names, with includeTZOffset', () => {
    expect(parseTimeZone('NO')).toEqual({ zone: 'Europe/Oslo', includeOffset: false })
    expect(parseTimeZone('us-ny, includeTZOffset')).toEqual({
      zone: 'America/New_York',
      includeOffset: true,
    })
    expect(parseTimeZone('261')).toEqual({ zone: 'Europe/Oslo', includeOffset: false })
    expect(parseTimeZone('Asia/Tokyo,includetzoffset')).toEqual({
      zone: 'Asia/Tokyo',
      includeOffset: true,
    })
  })

  it('names what it does not know', () => {
    expect(parseTimeZone('Mars/Olympus')).toEqual({ unknownZone: 'Mars/Olympus' })
    expect(parseTimeZone('XX')).toEqual({ unknownZone: 'XX' })
    expect(parseTimeZone('NO, withSeconds')).toEqual({ unknownOption: 'withSeconds' })
  })
})

describe('dates in and out', () => {
  const oslo = { zone: 'Europe/Oslo', includeOffset: false }

  it('reads offset-less dates in the zone (UTC without one) and keeps absolute ones', () => {
    expect(dateIn('2024-01-15T12:00:00', oslo)).toBe('2024-01-15T11:00:00.000Z')
    expect(dateIn('2024-01-15T12:00:00', null)).toBe('2024-01-15T12:00:00.000Z')
    expect(dateIn('2024-01-15T12:00:00+05:00', oslo)).toBe('2024-01-15T07:00:00.000Z')
    expect(dateIn('2024-01-15T12:00:00Z', oslo)).toBe('2024-01-15T12:00:00.000Z')
    expect(dateIn('not a date', oslo)).toBe('not a date')
  })

  it('converts only date-time properties found from the schema, keeping CreatedAt and LastChanged UTC', async () => {
    const { TicketEntity } = await import('@ticket/schema')
    const stored = {
      Title: '2024-01-15T11:00:00.000Z',
      Deadline: '2024-01-15T11:00:00.000Z',
      CreatedAt: '2024-01-15T11:00:00.000Z',
      LastChanged: '2024-01-15T11:00:00.000Z',
      Activate: null,
    }
    expect(datesOut(stored, TicketEntity, { zone: 'Europe/Oslo', includeOffset: true })).toEqual({
      Title: '2024-01-15T11:00:00.000Z',
      Deadline: '2024-01-15T12:00:00.000+01:00',
      CreatedAt: '2024-01-15T11:00:00.000Z',
      LastChanged: '2024-01-15T11:00:00.000Z',
      Activate: null,
    })
  })
})

describe('parseIso accepts exactly what the schema calls a date-time', () => {
  const tricky = [
    '2024-02-29T00:00',
    '2023-02-29T00:00',
    '1900-02-29T00:00',
    '2000-02-29T00:00',
    '2024-04-31T00:00',
    '2024-13-01T00:00',
    '2024-00-10T00:00',
    '2024-01-00T00:00',
    '2024-01-01T24:00',
    '2024-01-01T23:60',
    '2024-01-01T23:59:60',
    '2024-01-01T23:59:61',
    '2024-01-01t23:59:59.123456789z',
    '2024-01-01T23:59:59.1234567890',
    '2024-01-01T10:00+23:59',
    '2024-01-01T10:00+24:00',
    '2024-01-01T10:00-0060',
    '2024-01-01T10:00+0530',
    '2024-01-01T10:00+05',
    '2024-01-01 10:00',
    '0000-01-01T00:00',
    '',
  ]
  it.each(tricky)('%j', (text) => {
    expect(parseIso(text) !== undefined).toBe(isDateTime(text))
  })
})

describe('utcIsoText', () => {
  it('writes every instant as the platform does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (epoch) => {
        expect(utcIsoText(epoch)).toBe(new Date(epoch).toISOString())
      }),
      { numRuns: 5000 }
    )
  })

  it('writes the edges of the four-digit years and of a day as the platform does', () => {
    for (const iso of [
      '0999-12-31T23:59:59.999Z',
      '1000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '+010000-01-01T00:00:00.000Z',
      '-000001-06-15T12:00:00.000Z',
      '2024-02-29T00:00:00.001Z',
    ]) {
      expect(utcIsoText(Date.parse(iso))).toBe(iso)
    }
  })
})

describe('parseIso on years 0–99 and later', () => {
  it('reads a year as written, never 1900 + year', () => {
    expect(parseIso('0050-03-01T00:00:00Z')?.wall).toBe(Date.parse('0050-03-01T00:00:00Z'))
    expect(parseIso('0100-03-01T00:00:00Z')?.wall).toBe(Date.parse('0100-03-01T00:00:00Z'))
    expect(parseIso('2024-03-01T10:20:30.456Z')?.wall).toBe(Date.parse('2024-03-01T10:20:30.456Z'))
  })
})
