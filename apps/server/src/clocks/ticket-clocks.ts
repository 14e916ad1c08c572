import type { TimeCounter } from '@ticket/schema'
import { ALWAYS_OPEN, type OfficeCalendar } from './office-calendar.ts'
import { officeMinutes, officeSeconds } from './office-time.ts'

/** The status time counters as stored: office-hour seconds and their wall-clock twins. */
export interface TimeCounters {
  timeSpentInternally: number
  timeSpentExternally: number
  timeSpentQueue: number
  realTimeSpentInternally: number
  realTimeSpentExternally: number
  realTimeSpentQueue: number
}

const countersOf = {
  Internally: ['timeSpentInternally', 'realTimeSpentInternally'],
  Externally: ['timeSpentExternally', 'realTimeSpentExternally'],
  Queue: ['timeSpentQueue', 'realTimeSpentQueue'],
} as const

/**
 * Adds the time a ticket spent in a status that is now left (`from` → `to`) to the counter the
 * status names; `None` counts nowhere. The current status is never counted: this runs when the
 * status changes.
 * @example addStatusTime(zero, 'Internally', '2026-01-13T08:00:00Z', '2026-01-13T09:00:00Z', cal)
 */
export function addStatusTime(
  counters: TimeCounters,
  counter: TimeCounter,
  from: string,
  to: string,
  calendar: OfficeCalendar
): TimeCounters {
  if (counter === 'None' || counter === undefined) {
    return counters
  }
  const [office, real] = countersOf[counter]
  const start = Date.parse(from)
  const end = Date.parse(to)
  return {
    ...counters,
    [office]: counters[office] + officeSeconds(start, end, calendar),
    [real]: counters[real] + officeSeconds(start, end, ALWAYS_OPEN),
  }
}

/**
 * Minutes from `from` to `to`: within the priority's office hours, and on the wall clock
 * (`TimeToReply`/`RealTimeToReply`, `TimeToClose`/`RealTimeToClose`).
 */
export function minutesBetween(from: string, to: string, calendar: OfficeCalendar) {
  const start = Date.parse(from)
  const end = Date.parse(to)
  return {
    office: officeMinutes(start, end, calendar),
    real: officeMinutes(start, end, ALWAYS_OPEN),
  }
}
