import type { TSchema } from '@sinclair/typebox'
import { isDateTimeSchema, withoutNull } from '@ticket/schema'
import { kindOf, propertySchema, recordValueSchema } from '../http/wire-schema.ts'
import type { TimeZoneChoice } from './time-zone.ts'
import { epochOf, parseIso, toZoned } from './zoned-time.ts'

type DateMapper = (text: string, property: string) => string

/**
 * A copy of `value` with every string at a `format: 'date-time'` property mapped; the schema says
 * where dates are (properties matched case-insensitively, as requests are).
 */
export function mapDates(
  value: unknown,
  schema: TSchema | undefined,
  map: DateMapper,
  name = ''
): unknown {
  if (value === null || value === undefined || !schema) {
    return value
  }
  const s = withoutNull(schema)
  if (typeof value === 'string') {
    return isDateTimeSchema(s) ? map(value, name) : value
  }
  if (Array.isArray(value)) {
    const items = kindOf(s) === 'array' ? (s.items as TSchema) : undefined
    return value.map((item) => mapDates(item, items, map, name))
  }
  if (typeof value !== 'object') {
    return value
  }
  const kind = kindOf(s)
  if (kind !== 'object' && kind !== 'record') {
    return value
  }
  const valueSchema = kind === 'record' ? recordValueSchema(s) : undefined
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      mapDates(item, valueSchema ?? propertySchema(s, key), map, key),
    ])
  )
}

// Created/updated stamps are always UTC (see docs/decisions.md), whatever SO-TimeZone says.
const alwaysUtc = new Set(['CreatedAt', 'LastChanged'])

/**
 * Dates out: UTC with `Z` by default; with SO-TimeZone the zone's wall time (offset appended with
 * includeTZOffset), except CreatedAt and LastChanged. Unreadable text is left as stored.
 */
export function datesOut(
  value: unknown,
  schema: TSchema | undefined,
  zone: TimeZoneChoice | null
): unknown {
  // Every stored date is already UTC ISO with Z (dates in are normalised by `dateIn`, server
  // stamps come from toISOString): without a zone there is nothing to convert.
  if (!zone) {
    return value
  }
  return mapDates(value, schema, (text, property) => {
    const iso = parseIso(text)
    if (!iso) {
      return text
    }
    const epoch = epochOf(iso, undefined)
    if (!zone || alwaysUtc.has(property)) {
      return new Date(epoch).toISOString()
    }
    return toZoned(epoch, zone.zone, zone.includeOffset)
  })
}

/**
 * Dates in: offset-less times are read in the SO-TimeZone zone (UTC without one), times with an
 * offset or `Z` are absolute; all become UTC ISO strings with `Z`. Invalid text is left for
 * validation to report.
 */
export function dateIn(text: string, zone: TimeZoneChoice | null): string {
  const iso = parseIso(text)
  if (!iso) {
    return text
  }
  const epoch = epochOf(iso, zone?.zone)
  return Number.isFinite(epoch) && Math.abs(epoch) <= 8.64e15 ? new Date(epoch).toISOString() : text
}

export const datesIn = (value: unknown, schema: TSchema | undefined, zone: TimeZoneChoice | null) =>
  mapDates(value, schema, (text) => dateIn(text, zone))
