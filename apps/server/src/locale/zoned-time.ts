import { dateTimeFieldsValid } from '@ticket/schema'

const minute = 60_000
const day = 24 * 60 * minute
const parts =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|([+-])(\d{2}):?(\d{2}))?$/

/** A parsed ISO 8601 date-time: the wall clock as epoch ms, and the offset when one was given. */
export interface IsoParts {
  wall: number
  offsetMinutes: number | undefined
}

/**
 * Splits a schema-valid ISO date-time (the same grammar the schema checks) into wall clock and
 * offset; anything else is `undefined` and left to validation.
 * @example parseIso('2024-01-15T12:00:00+01:00') // { wall: Date.UTC(2024,0,15,12), offsetMinutes: 60 }
 */
export function parseIso(text: string): IsoParts | undefined {
  const m = parts.exec(text)
  if (!m) {
    return undefined
  }
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone, sign, oh = '0', om = '0'] = m
  // The same grammar as the schema's date-time check, so only the field ranges are left to test.
  if (
    !dateTimeFieldsValid(
      Number(y),
      Number(mo),
      Number(d),
      Number(h),
      Number(mi),
      Number(s),
      Number(oh),
      Number(om)
    )
  ) {
    return undefined
  }
  const wall = utcEpoch(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number(fraction.padEnd(3, '0').slice(0, 3))
  )
  if (!zone) {
    return { wall, offsetMinutes: undefined }
  }
  const offset = (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1)
  return { wall, offsetMinutes: offset }
}

/** Epoch ms of UTC calendar fields (month from 0); years 0–99 are those years, not 1900–1999. */
function utcEpoch(
  year: number,
  month: number,
  day: number,
  hour: number,
  minutes: number,
  seconds: number,
  ms: number
): number {
  if (year >= 100) {
    return Date.UTC(year, month, day, hour, minutes, seconds, ms)
  }
  // Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0)
  date.setUTCFullYear(year, month, day)
  date.setUTCHours(hour, minutes, seconds, ms)
  return date.getTime()
}

const twoDigits = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'))
const threeDigits = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'))

/**
 * `new Date(epoch).toISOString()`, built from the UTC fields with no formatting work: every date
 * of a body is normalised to this form, and the platform's formatter was the larger part of it.
 * Years outside 0–9999 (written with six digits and a sign) go to the platform's own.
 */
export function utcIsoText(epoch: number): string {
  const date = new Date(epoch)
  const year = date.getUTCFullYear()
  if (!(year >= 1000 && year <= 9999)) {
    return date.toISOString()
  }
  return `${year}-${twoDigits[date.getUTCMonth() + 1]}-${twoDigits[date.getUTCDate()]}T${
    twoDigits[date.getUTCHours()]
  }:${twoDigits[date.getUTCMinutes()]}:${twoDigits[date.getUTCSeconds()]}.${
    threeDigits[date.getUTCMilliseconds()]
  }Z`
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    formatters.set(zone, formatter)
  }
  return formatter
}

/** The IANA zone's canonical name, or `undefined` when the platform does not know it. */
export function canonicalZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone
  } catch {
    return undefined
  }
}

/** The zone's UTC offset in minutes at an instant, from the platform's time-zone data. */
export function zoneOffset(zone: string, epoch: number): number {
  const name = formatterOf(zone)
    .formatToParts(epoch)
    .find((part) => part.type === 'timeZoneName')?.value
  const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name ?? '')
  if (!m) {
    return 0 // "GMT": the zone is at UTC
  }
  return (Number(m[2]) * 60 + Number(m[3])) * (m[1] === '-' ? -1 : 1)
}

/**
 * The instant a wall-clock time in a zone names. In a DST overlap the earlier instant wins; in a
 * gap the time moves forward by the gap (the "compatible" rule of Temporal and most calendars).
 */
export function wallToEpoch(zone: string, wall: number): number {
  const before = zoneOffset(zone, wall - day)
  const after = zoneOffset(zone, wall + day)
  const candidates = [wall - before * minute, wall - after * minute].filter(
    (epoch) => epoch + zoneOffset(zone, epoch) * minute === wall
  )
  return candidates.length > 0 ? Math.min(...candidates) : wall - before * minute
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0')

/** `+01:00`-style offset; RFC 3339 form, which every ISO 8601 reader accepts. */
export const offsetText = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`

/**
 * An instant as the zone's wall time, `YYYY-MM-DDTHH:mm:ss.sss`, with the offset appended when
 * asked for.
 * @example toZoned(Date.UTC(2024, 0, 15, 11), 'Europe/Oslo', true) // '2024-01-15T12:00:00.000+01:00'
 */
export function toZoned(epoch: number, zone: string, withOffset: boolean): string {
  const offset = zoneOffset(zone, epoch)
  const wall = new Date(epoch + offset * minute).toISOString().slice(0, 23)
  return withOffset ? `${wall}${offsetText(offset)}` : wall
}

/** The instant of parsed ISO parts; an offset-less time is read in `zone` (UTC when none). */
export function epochOf(iso: IsoParts, zone: string | undefined): number {
  if (iso.offsetMinutes !== undefined) {
    return iso.wall - iso.offsetMinutes * minute
  }
  return zone ? wallToEpoch(zone, iso.wall) : iso.wall
}
