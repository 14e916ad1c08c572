/** Office hours of one weekday, in minutes after local midnight: open from `start` until `stop`. */
export interface OfficeDay {
  start: number
  stop: number
}

/**
 * When a priority's office is open: per weekday (0 = Sunday, as `Date#getUTCDay`), closed days
 * `null`; `nonDates` are `MM-DD` days closed every year; every wall time is in `zone` (IANA).
 */
export interface OfficeCalendar {
  zone: string
  days: ReadonlyArray<OfficeDay | null>
  nonDates: ReadonlySet<string>
}

const MINUTES_PER_DAY = 24 * 60

/** Open all day, every day, in UTC: the calendar of the wall-clock (`Real*`) twins. */
export const ALWAYS_OPEN: OfficeCalendar = {
  zone: 'UTC',
  days: Array.from({ length: 7 }, () => ({ start: 0, stop: MINUTES_PER_DAY })),
  nonDates: new Set(),
}

/** The working-hour columns of a priority, Sunday first, each a date-time whose time part counts. */
export interface WorkingHours {
  sunStart: string | null
  sunStop: string | null
  monStart: string | null
  monStop: string | null
  tueStart: string | null
  tueStop: string | null
  wedStart: string | null
  wedStop: string | null
  thuStart: string | null
  thuStop: string | null
  friStart: string | null
  friStop: string | null
  satStart: string | null
  satStop: string | null
}

const weekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

/** Minutes after midnight of a date-time's time part (`…T08:30…` → 510). */
function minuteOfDay(value: string): number | undefined {
  const m = /T(\d{2}):(\d{2})/.exec(value)
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined
}

/**
 * One weekday's office hours. A stop of 23:59 means midnight (a form cannot say 24:00); a day
 * without both edges, or whose stop is not after its start, is closed.
 */
export function officeDay(start: string | null, stop: string | null): OfficeDay | null {
  const from = start === null ? undefined : minuteOfDay(start)
  const until = stop === null ? undefined : minuteOfDay(stop)
  if (from === undefined || until === undefined) {
    return null
  }
  const end = until >= MINUTES_PER_DAY - 1 ? MINUTES_PER_DAY : until
  return end > from ? { start: from, stop: end } : null
}

/**
 * The calendar of a priority's stored working hours, non-dates (only day and month count) and
 * time zone.
 * @example calendarOf(priorityRow, ['2000-12-25T00:00:00Z'], 'Europe/Oslo')
 */
export function calendarOf(
  hours: WorkingHours,
  nonDates: readonly string[],
  zone: string
): OfficeCalendar {
  return {
    zone,
    days: weekdayKeys.map((day) => officeDay(hours[`${day}Start`], hours[`${day}Stop`])),
    nonDates: new Set(
      nonDates.map((date) => /^\d{4}-(\d{2}-\d{2})/.exec(date)?.[1]).filter((d) => d !== undefined)
    ),
  }
}
