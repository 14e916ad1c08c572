import { FormatRegistry } from '@sinclair/typebox'

// TypeBox only checks formats that are registered; without this every `format` passes silently.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:[Zz]|[+-](\d{2}):?(\d{2}))?$/

const daysInMonth = (year: number, month: number) =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : month === 4 || month === 6 || month === 9 || month === 11
      ? 30
      : 31

/**
 * Whether the numeric fields of a date-time that matched the grammar name a real instant: shared
 * with parsers that split the text themselves, so they need not match it a second time.
 * @example dateTimeFieldsValid(2024, 2, 30, 10, 0, 0, 0, 0) // false
 */
export const dateTimeFieldsValid = (
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offH: number,
  offM: number
): boolean =>
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= daysInMonth(year, month) &&
  hour <= 23 &&
  minute <= 59 &&
  second <= 60 &&
  offH <= 23 &&
  offM <= 59

// An absent optional part counts as 0, as the grammar allows leaving it out.
const field = (part: string | undefined) => (part === undefined ? 0 : Number(part))

/**
 * Strict ISO 8601 date-time: `YYYY-MM-DDThh:mm[:ss[.fraction]][Z|±hh:mm|±hhmm]`. The offset is
 * optional because SuperOffice sends offset-less wall-clock times (see docs/decisions.md).
 * @example isDateTime('2021-07-07T17:37:39.2513093+02:00') // true
 */
export const isDateTime = (value: string): boolean => {
  const m = DATE_TIME.exec(value)
  if (!m) {
    return false
  }
  return dateTimeFieldsValid(
    field(m[1]),
    field(m[2]),
    field(m[3]),
    field(m[4]),
    field(m[5]),
    field(m[6]),
    field(m[7]),
    field(m[8])
  )
}

/**
 * How the OpenAPI document states the formats checked here: OpenAPI's `date-time` requires an
 * offset, so a date-time is written as the pattern above (the offset optional).
 */
export const documentedFormats = {
  'date-time': { pattern: DATE_TIME.source },
}

if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', isDateTime)
}
