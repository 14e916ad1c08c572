import { describe, expect, it } from 'vitest'
import { ALWAYS_OPEN, calendarOf, type OfficeCalendar, officeDay } from './office-calendar.ts'
import { addOfficeTime, officeMillis, officeMinutes, officeSeconds } from './office-time.ts'

const HOUR = 3_600_000
const at = (iso: string) => Date.parse(iso)
const time = (hhmm: string) => `1970-01-01T${hhmm}:00.000Z`
const weekdays = (start: string, stop: string, zone: string, nonDates: string[] = []) =>
  calendarOf(
    {
      sunStart: null,
      sunStop: null,
      monStart: time(start),
      monStop: time(stop),
      tueStart: time(start),
      tueStop: time(stop),
      wedStart: time(start),
      wedStop: time(stop),
      thuStart: time(start),
      thuStop: time(stop),
      friStart: time(start),
      friStop: time(stop),
      satStart: null,
      satStop: null,
    },
    nonDates,
    zone
  )
const everyDay = (start: string, stop: string, zone: string): OfficeCalendar => ({
  zone,
  days: Array.from({ length: 7 }, () => officeDay(time(start), time(stop))),
  nonDates: new Set(),
})

// Oslo office, Monday to Friday 08:00–16:00 local, closed on Christmas Day and 17 May.
const oslo = weekdays('08:00', '16:00', 'Europe/Oslo', [
  '2000-12-25T00:00:00Z',
  '2000-05-17T00:00:00Z',
])

describe('office hours from a priority', () => {
  it('reads the time part, treats 23:59 as midnight and empty or inverted days as closed', () => {
    expect(officeDay(time('08:30'), time('16:15'))).toEqual({ start: 510, stop: 975 })
    expect(officeDay(time('00:00'), time('23:59'))).toEqual({ start: 0, stop: 1440 })
    expect(officeDay(null, time('16:00'))).toBeNull()
    expect(officeDay(time('16:00'), time('08:00'))).toBeNull()
    expect(officeDay(time('08:00'), time('08:00'))).toBeNull()
    expect(oslo.nonDates).toEqual(new Set(['12-25', '05-17']))
  })
})

describe('officeMillis', () => {
  it('counts only the open part of one day (winter: Oslo is UTC+1)', () => {
    // Tue 2026-01-13 07:00–17:00 local = 06:00Z–16:00Z; open 08–16 local → 8 h.
    expect(officeMillis(at('2026-01-13T06:00:00Z'), at('2026-01-13T16:00:00Z'), oslo)).toBe(
      8 * HOUR
    )
    // 10:30 to 11:45 local inside the day.
    expect(officeMinutes(at('2026-01-13T09:30:00Z'), at('2026-01-13T10:45:00Z'), oslo)).toBe(75)
  })

  it('skips the weekend: Friday 15:00 to Monday 09:00 local is 2 hours', () => {
    expect(officeMillis(at('2026-01-16T14:00:00Z'), at('2026-01-19T08:00:00Z'), oslo)).toBe(
      2 * HOUR
    )
  })

  it('skips a non-date every year, whatever the year stored', () => {
    // Thu 2026-12-24 15:00 local to Mon 2026-12-28 09:00: Thu 1 h, Fri 25th closed, Mon 1 h.
    expect(officeMillis(at('2026-12-24T14:00:00Z'), at('2026-12-28T08:00:00Z'), oslo)).toBe(
      2 * HOUR
    )
    // 17 May 2027 is a Monday: closed.
    expect(officeMillis(at('2027-05-17T05:00:00Z'), at('2027-05-17T16:00:00Z'), oslo)).toBe(0)
  })

  it('spans weeks: Mon 14 Dec 09:00 to Mon 28 Dec 09:00 local is 72 hours', () => {
    // Mon 7 h + Tue–Fri 32 h + Mon–Thu 32 h (Fri 25th closed) + Mon 28th 1 h.
    expect(officeMillis(at('2026-12-14T08:00:00Z'), at('2026-12-28T08:00:00Z'), oslo)).toBe(
      72 * HOUR
    )
  })

  it('keeps wall-clock office hours across spring-forward (Oslo, Sun 29 Mar 2026)', () => {
    const nightShift = everyDay('01:00', '04:00', 'Europe/Oslo')
    // 01:00 CET = 00:00Z; 04:00 CEST = 02:00Z: the lost hour 02–03 is not worked.
    expect(officeMillis(at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'), nightShift)).toBe(
      2 * HOUR
    )
    const allDay = everyDay('00:00', '23:59', 'Europe/Oslo')
    expect(officeMillis(at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'), allDay)).toBe(
      23 * HOUR
    )
  })

  it('keeps wall-clock office hours across fall-back (Oslo, Sun 25 Oct 2026)', () => {
    const nightShift = everyDay('01:00', '04:00', 'Europe/Oslo')
    // 01:00 CEST = 23:00Z on the 24th; 04:00 CET = 03:00Z: the repeated hour is worked twice.
    expect(officeMillis(at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'), nightShift)).toBe(
      4 * HOUR
    )
    const allDay = everyDay('00:00', '23:59', 'Europe/Oslo')
    expect(officeMillis(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'), allDay)).toBe(
      25 * HOUR
    )
  })

  it('works in another zone across its own DST change (New York, Sun 8 Mar 2026)', () => {
    const newYork = weekdays('09:00', '17:00', 'America/New_York')
    // Fri 6 Mar 16:00 EST (21:00Z) to Mon 9 Mar 10:00 EDT (14:00Z): 1 h + 1 h.
    const from = at('2026-03-06T21:00:00Z')
    const to = at('2026-03-09T14:00:00Z')
    expect(officeMillis(from, to, newYork)).toBe(2 * HOUR)
    expect(officeMillis(from, to, ALWAYS_OPEN)).toBe(65 * HOUR)
  })

  it('is zero for an empty or backwards interval and counts seconds down', () => {
    expect(officeMillis(at('2026-01-13T10:00:00Z'), at('2026-01-13T09:00:00Z'), oslo)).toBe(0)
    expect(officeSeconds(at('2026-01-13T09:00:00Z'), at('2026-01-13T09:00:01.900Z'), oslo)).toBe(1)
  })
})

describe('addOfficeTime', () => {
  it('continues on the next open day', () => {
    // Fri 18 Dec 15:00 local + 10 h: Fri 1 h, Mon 8 h, Tue 08:00 + 1 h = 09:00 local = 08:00Z.
    expect(addOfficeTime(at('2026-12-18T14:00:00Z'), 10 * HOUR, oslo)).toBe(
      at('2026-12-22T08:00:00Z')
    )
  })

  it('jumps over non-dates and starts at the next opening when closed', () => {
    expect(addOfficeTime(at('2026-12-24T14:00:00Z'), 2 * HOUR, oslo)).toBe(
      at('2026-12-28T08:00:00Z')
    )
    // Saturday night + 30 min → Monday 08:30 local.
    expect(addOfficeTime(at('2026-12-19T22:00:00Z'), HOUR / 2, oslo)).toBe(
      at('2026-12-21T07:30:00Z')
    )
  })

  it('is the inverse of officeMillis across a DST change', () => {
    const newYork = weekdays('09:00', '17:00', 'America/New_York')
    const from = at('2026-03-06T21:00:00Z')
    const due = addOfficeTime(from, 2 * HOUR, newYork)
    expect(due).toBe(at('2026-03-09T14:00:00Z'))
    expect(officeMillis(from, due ?? 0, newYork)).toBe(2 * HOUR)
  })

  it('gives up on a calendar that is never open', () => {
    const closed: OfficeCalendar = { zone: 'UTC', days: Array(7).fill(null), nonDates: new Set() }
    expect(addOfficeTime(at('2026-01-01T00:00:00Z'), HOUR, closed)).toBeUndefined()
  })
})
