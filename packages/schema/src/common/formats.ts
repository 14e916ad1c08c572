import { FormatRegistry } from '@sinclair/typebox'

// TypeBox only checks formats that are registered; without this every `format` passes silently.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:[Zz]|[+-](\d{2}):?(\d{2}))?$/

const daysInMonth = (year: number, month: number) =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31

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
  const [year, month, day, hour, minute, second, offH, offM] = m
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)))
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    second === undefined ||
    offH === undefined ||
    offM === undefined
  ) {
    return false
  }
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60 &&
    offH <= 23 &&
    offM <= 59
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
