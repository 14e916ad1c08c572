import { toZoned, wallToEpoch } from '../locale/zoned-time.ts'
import type { OfficeCalendar } from './office-calendar.ts'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
/** How far {@link addOfficeTime} looks for open hours before it gives up (ten years). */
const HORIZON_DAYS = 3660

/** The local calendar day of an instant in a zone, as the epoch of that date's UTC midnight. */
function localDay(epoch: number, zone: string): number {
  const wall = toZoned(epoch, zone, false)
  return Date.parse(`${wall.slice(0, 10)}T00:00:00Z`)
}

/**
 * The open interval of one local day as instants, or undefined when the office is closed that
 * day. Wall times are turned into instants in the zone, so a DST day is 23 or 25 hours long and
 * its office hours keep their wall-clock edges.
 */
function openInterval(day: number, calendar: OfficeCalendar): [number, number] | undefined {
  const date = new Date(day)
  const hours = calendar.days[date.getUTCDay()]
  if (!hours || calendar.nonDates.has(date.toISOString().slice(5, 10))) {
    return undefined
  }
  return [
    wallToEpoch(calendar.zone, day + hours.start * MINUTE),
    wallToEpoch(calendar.zone, day + hours.stop * MINUTE),
  ]
}

/**
 * Milliseconds of office time between two instants (0 when `to` is not after `from`).
 * @example officeMillis(Date.parse('2026-03-06T15:00Z'), Date.parse('2026-03-09T09:00Z'), utc8to16) // 2 h
 */
export function officeMillis(from: number, to: number, calendar: OfficeCalendar): number {
  if (!(to > from)) {
    return 0
  }
  let total = 0
  const last = localDay(to, calendar.zone)
  for (let day = localDay(from, calendar.zone); day <= last; day += DAY) {
    const open = openInterval(day, calendar)
    if (open) {
      total += Math.max(0, Math.min(to, open[1]) - Math.max(from, open[0]))
    }
  }
  return total
}

/**
 * The instant when `millis` of office time have passed after `from`; undefined when the
 * calendar has no open hours within ten years.
 * @example addOfficeTime(Date.parse('2026-03-06T15:00Z'), 2 * 3_600_000, utc8to16) // Monday 09:00Z
 */
export function addOfficeTime(
  from: number,
  millis: number,
  calendar: OfficeCalendar
): number | undefined {
  let left = millis
  const first = localDay(from, calendar.zone)
  for (let day = first; day < first + HORIZON_DAYS * DAY; day += DAY) {
    const open = openInterval(day, calendar)
    if (!open || open[1] <= from) {
      continue
    }
    const start = Math.max(from, open[0])
    if (start + left <= open[1]) {
      return start + left
    }
    left -= open[1] - start
  }
  return undefined
}

/** Whole minutes (rounded down) between two instants by a calendar. */
export const officeMinutes = (from: number, to: number, calendar: OfficeCalendar) =>
  Math.floor(officeMillis(from, to, calendar) / MINUTE)

/** Whole seconds (rounded down) between two instants by a calendar. */
export const officeSeconds = (from: number, to: number, calendar: OfficeCalendar) =>
  Math.floor(officeMillis(from, to, calendar) / 1000)
