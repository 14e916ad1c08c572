import type { TSchema } from '@sinclair/typebox'
import { isDateTimeSchema, propertyLookup, withoutNull } from '@ticket/schema'
import { kindOf, propertySchema, recordValueSchema } from '../http/wire-schema.ts'
import type { TimeZoneChoice } from './time-zone.ts'
import { epochOf, parseIso, toZoned, utcIsoText } from './zoned-time.ts'

type DateMapper = (text: string, property: string) => string

/** Where a schema has dates: only the parts that lead to a `date-time` string. */
type DatePlan =
  | { kind: 'date' }
  | { kind: 'array'; items: DatePlan }
  | {
      kind: 'object'
      /** Lower-cased property name → plan, for the properties with dates below them. */
      properties: Map<string, DatePlan>
      /**
       * Every property by the schema's own spelling → its plan, or null when it holds no date:
       * most bodies spell names as the schema does, and this answers them without lower-casing.
       */
      byName: Map<string, DatePlan | null>
    }
  | { kind: 'record'; values: DatePlan }

const plans = new WeakMap<TSchema, DatePlan | null>()

/** The plan of a schema, built once per schema object; null when no date is anywhere below. */
function datePlan(schema: TSchema | undefined): DatePlan | null {
  if (!schema) {
    return null
  }
  const known = plans.get(schema)
  if (known !== undefined) {
    return known
  }
  // A schema that contains itself finds no dates through the cycle.
  plans.set(schema, null)
  const plan = buildPlan(withoutNull(schema))
  plans.set(schema, plan)
  return plan
}

function buildPlan(s: TSchema): DatePlan | null {
  if (isDateTimeSchema(s)) {
    return { kind: 'date' }
  }
  const kind = kindOf(s)
  if (kind === 'array') {
    const items = datePlan(s.items as TSchema | undefined)
    return items && { kind: 'array', items }
  }
  if (kind === 'record') {
    const values = datePlan(recordValueSchema(s))
    return values && { kind: 'record', values }
  }
  if (kind === 'object') {
    const properties = new Map<string, DatePlan>()
    const byName = new Map<string, DatePlan | null>()
    for (const [lower, name] of propertyLookup(s)) {
      const plan = datePlan(propertySchema(s, lower))
      byName.set(name, plan)
      if (plan) {
        properties.set(lower, plan)
      }
    }
    return properties.size > 0 ? { kind: 'object', properties, byName } : null
  }
  return null
}

function objectChild(plan: Extract<DatePlan, { kind: 'object' }>, key: string) {
  const exact = plan.byName.get(key)
  return exact !== undefined ? exact : plan.properties.get(key.toLowerCase())
}

function walk(value: unknown, plan: DatePlan, map: DateMapper, name: string): unknown {
  if (value === null || value === undefined) {
    return value
  }
  switch (plan.kind) {
    case 'date':
      return typeof value === 'string' ? map(value, name) : value
    case 'array':
      return Array.isArray(value) ? value.map((item) => walk(item, plan.items, map, name)) : value
    default: {
      if (typeof value !== 'object' || Array.isArray(value)) {
        return value
      }
      const object = value as Record<string, unknown>
      let copy: Record<string, unknown> | undefined
      for (const key of Object.keys(object)) {
        const child = plan.kind === 'record' ? plan.values : objectChild(plan, key)
        if (!child) {
          continue
        }
        const before = object[key]
        const after = walk(before, child, map, key)
        if (after !== before) {
          copy ??= { ...object }
          copy[key] = after
        }
      }
      return copy ?? value
    }
  }
}

/**
 * `value` with every string at a `format: 'date-time'` property mapped; the schema says where
 * dates are (properties matched case-insensitively, as requests are). Only the way to the dates
 * is walked, and only what changed is copied: `value` itself is never modified.
 */
export function mapDates(value: unknown, schema: TSchema | undefined, map: DateMapper): unknown {
  const plan = datePlan(schema)
  return plan ? walk(value, plan, map, '') : value
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
  return Number.isFinite(epoch) && Math.abs(epoch) <= 8.64e15 ? utcIsoText(epoch) : text
}

export const datesIn = (value: unknown, schema: TSchema | undefined, zone: TimeZoneChoice | null) =>
  mapDates(value, schema, (text) => dateIn(text, zone))
