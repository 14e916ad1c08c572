import { CloneType, Kind, type TSchema, Type } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import {
  isArraySchema,
  isDateTimeSchema,
  isObjectSchema,
  propertiesOf,
  type TicketEntity,
  TicketEntity as TicketEntitySchema,
  unionMembers,
  withoutNull,
} from '@ticket/schema'
import { ApiError, type FieldError } from '../http/api-error.ts'
import { inputLimits, inspectBody, structuralGateCodes } from '../input/gate.ts'
import { compileBodyParser } from '../input/parse-body.ts'
import { dateIn, datesIn } from '../locale/convert-dates.ts'

/**
 * Reads one import line the way `POST /Ticket` reads a JSON body (gate, dates to UTC, the body
 * parser), so a line is accepted or refused with the same problems as a create. Most lines of an
 * import are valid and already in the schema's own spelling; for them a compiled check of the
 * raw value proves that the full parser would change nothing but drop read-only properties, and
 * that work is all that is done. Any other line takes the full path and its problem details.
 * @example const input = parseTicketLine('{"Title":"Printer on fire"}')
 */
export function parseTicketLine(text: string): Partial<TicketEntity> {
  const raw: unknown = JSON.parse(text)
  if (fastPathHolds(text, raw)) {
    return stripTicket(raw) as Partial<TicketEntity>
  }
  return parseLikeCreate(raw)
}

/** The full path alone, as a create reads the line (what the fast path must agree with). */
export const parseTicketLineFully = (text: string) => parseLikeCreate(JSON.parse(text))

/** True when the line takes the fast path. */
export const readsFast = (text: string) => fastPathHolds(text, JSON.parse(text))

const parseTicket = compileBodyParser(TicketEntitySchema)

/**
 * The full path, in a create's order: the request gate (its structural problems stop the line at
 * once, its text problems are reported with the parser's), dates read as UTC (an import has no
 * SO-TimeZone), the body parser.
 */
function parseLikeCreate(raw: unknown): Partial<TicketEntity> {
  const gateErrors = inspectBody(raw, TicketEntitySchema)
  if (gateErrors.some((error) => structuralGateCodes.has(error.code))) {
    throw invalidLine(gateErrors)
  }
  let input: Partial<TicketEntity>
  try {
    input = parseTicket(datesIn(raw, TicketEntitySchema, null))
  } catch (error) {
    if (gateErrors.length === 0 || !(error instanceof ApiError) || error.code !== 'VALIDATION') {
      throw error
    }
    const seen = new Set(error.errors.map((e) => e.path))
    throw invalidLine([...error.errors, ...gateErrors.filter((e) => !seen.has(e.path))])
  }
  if (gateErrors.length > 0) {
    throw invalidLine(gateErrors)
  }
  return input
}

const invalidLine = (errors: FieldError[]) =>
  new ApiError('VALIDATION', `${errors.length} invalid field(s) in the body.`, { errors })

/**
 * The raw value is in canonical form and valid: every name is the schema's own (no unknown, no
 * other casing, so no forbidden name), enums by name, no empty date, strings and arrays within
 * the gate's limits (the schema is finite, so depth is too), no forbidden or overlong name in a
 * dictionary, and no `\u` escape in the text, so no string can hold NUL or a lone surrogate.
 */
function fastPathHolds(text: string, raw: unknown): boolean {
  return (
    !text.includes('\\u') && strictCheck.Check(raw) && recordKeysFit(raw as Record<string, unknown>)
  )
}

/**
 * The schema with every object closed (`additionalProperties: false`), read-only properties
 * kept (optional, as the gate walks them too), every plain string at most the gate's length and
 * every array at most its item count. Inside a read-only property only the shape counts (the
 * parser drops it): its strings carry no format or pattern to check.
 */
function strictSchemaOf(schema: TSchema, readOnly = false): TSchema {
  if (isObjectSchema(schema)) {
    const properties: Record<string, TSchema> = {}
    for (const [name, property] of Object.entries(propertiesOf(schema))) {
      properties[name] = Type.Optional(
        strictSchemaOf(property, readOnly || property.readOnly === true)
      )
    }
    return Type.Object(properties, { additionalProperties: false })
  }
  const members = unionMembers(schema)
  if (members) {
    return Type.Union(members.map((member) => strictSchemaOf(member, readOnly)))
  }
  if (isArraySchema(schema)) {
    const maxItems = Math.min(
      schema.maxItems ?? inputLimits.maxArrayItems,
      inputLimits.maxArrayItems
    )
    return Type.Array(strictSchemaOf(schema.items as TSchema, readOnly), { maxItems })
  }
  if (schema.type === 'object' && schema.patternProperties) {
    // A string dictionary: its values are plain strings under the same limit.
    const patterns = Object.fromEntries(
      Object.entries(schema.patternProperties as Record<string, TSchema>).map(([p, s]) => [
        p,
        strictSchemaOf(s, readOnly),
      ])
    )
    return { ...CloneType(schema), patternProperties: patterns }
  }
  if (schema[Kind] === 'String') {
    const maxLength = Math.min(
      schema.maxLength ?? inputLimits.maxStringLength,
      inputLimits.maxStringLength
    )
    return readOnly ? Type.String({ maxLength }) : CloneType(schema, { maxLength })
  }
  return schema
}

const strictCheck = TypeCompiler.Compile(strictSchemaOf(TicketEntitySchema))

const ticketProperties = propertiesOf(TicketEntitySchema)
/** Top-level string dictionaries (ExtraFields, CustomFields): their keys are free text. */
const recordProperties = Object.keys(ticketProperties).filter(
  (name) => ticketProperties[name]?.patternProperties !== undefined
)

// The gate refuses longer property names, and these anywhere (in any casing). Closed objects
// admit neither, so only a dictionary's free keys need looking at.
const maxNameLength = 1000
const forbiddenNames = new Set(['__proto__', 'constructor', 'prototype'])
function recordKeysFit(raw: Record<string, unknown>): boolean {
  for (const name of recordProperties) {
    const record = raw[name]
    if (record && typeof record === 'object') {
      for (const key of Object.keys(record)) {
        if (key.length > maxNameLength || forbiddenNames.has(key.toLowerCase())) {
          return false
        }
      }
    }
  }
  return true
}

type Strip = (value: unknown) => unknown

const keep: Strip = (value) => value

/**
 * What the body parser makes of a value that passed the strict check: objects without their
 * read-only properties (nested ones too), dates as UTC ISO text; the rest as sent.
 */
function compileStrip(schema: TSchema): Strip {
  const target = withoutNull(schema)
  if (isDateTimeSchema(target)) {
    return (value) => (typeof value === 'string' ? dateIn(value, null) : value)
  }
  if (isArraySchema(target)) {
    const item = compileStrip(target.items as TSchema)
    return item === keep ? keep : (value) => (Array.isArray(value) ? value.map(item) : value)
  }
  if (!isObjectSchema(target)) {
    return keep
  }
  const writable = new Map<string, Strip>()
  let changes = false
  for (const [name, property] of Object.entries(propertiesOf(target))) {
    if (property.readOnly === true) {
      changes = true
      continue
    }
    const strip = compileStrip(property)
    changes ||= strip !== keep
    writable.set(name, strip)
  }
  if (!changes) {
    return keep
  }
  return (value) => {
    if (value === null || typeof value !== 'object') {
      return value
    }
    const out: Record<string, unknown> = {}
    const object = value as Record<string, unknown>
    for (const name in object) {
      const strip = writable.get(name)
      if (strip) {
        out[name] = strip(object[name])
      }
    }
    return out
  }
}

const stripTicket = compileStrip(TicketEntitySchema)
