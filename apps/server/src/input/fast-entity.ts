import { CloneType, Kind, type TSchema, Type } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import {
  isArraySchema,
  isDateTimeSchema,
  isObjectSchema,
  propertiesOf,
  unionMembers,
  withoutNull,
} from '@ticket/schema'
import { dateIn } from '../locale/convert-dates.ts'
import type { TimeZoneChoice } from '../locale/time-zone.ts'
import { forbiddenNames, inputLimits } from './gate.ts'

/**
 * What the full reading of an entity body (the gate, dates to UTC, the body parser) makes of a
 * JSON body, worked out in one check and one copy; undefined when the body needs the full
 * reading (it is not in the schema's own form, or it has a problem to report).
 */
export type FastEntityReader = (
  text: string,
  raw: unknown,
  zone: TimeZoneChoice | null
) => unknown | undefined

const readers = new WeakMap<TSchema, FastEntityReader>()

/**
 * The fast reader of an entity schema, built once per schema. Most bodies are valid and already
 * in the schema's own spelling: for them a compiled check of the raw value proves that the full
 * reading would change nothing but drop read-only properties and write dates as UTC, and that
 * is all that is done. The check admits a body only when:
 * - every name is the schema's own (objects closed: no unknown name, no other casing, so no
 *   forbidden name), enums are by name, no date is empty, and every value is valid;
 * - strings and arrays are within the gate's limits (the schema is finite, so depth is too);
 * - no dictionary key, at any depth, is forbidden or overlong;
 * - the text has no `\u` escape, so no string can hold NUL or a lone surrogate.
 */
export function fastEntityReader(schema: TSchema): FastEntityReader {
  let reader = readers.get(schema)
  if (!reader) {
    reader = compileReader(schema)
    readers.set(schema, reader)
  }
  return reader
}

/** A date the full reading would write in another form than it checks (a six-digit year). */
const declined = Symbol('declined')

function compileReader(schema: TSchema): FastEntityReader {
  const strictSchema = strictSchemaOf(schema)
  // The compiled check closes an object by testing each of its names against the list of its
  // properties: for an entity's sixty, that cost more than the rest of the check. The top
  // level's names are tested against a set here instead; nested objects are small.
  const topNames = isObjectSchema(strictSchema)
    ? new Set(Object.keys(propertiesOf(strictSchema)))
    : undefined
  const strict = TypeCompiler.Compile(
    topNames ? { ...strictSchema, additionalProperties: undefined } : strictSchema
  )
  const strip = compileStrip(schema)
  return (text, raw, zone) => {
    if (text.includes('\\u') || !(topNames === undefined || onlyNames(raw, topNames))) {
      return undefined
    }
    if (!strict.Check(raw)) {
      return undefined
    }
    try {
      return strip(raw, zone)
    } catch (error) {
      if (error === declined) {
        return undefined
      }
      throw error
    }
  }
}

/** Whether every own name of `value` (an object, else the check decides) is one of `names`. */
function onlyNames(value: unknown, names: ReadonlySet<string>): boolean {
  if (value === null || typeof value !== 'object') {
    return true
  }
  for (const name of Object.getOwnPropertyNames(value)) {
    if (!names.has(name)) {
      return false
    }
  }
  return true
}

const isDictionary = (schema: TSchema) =>
  schema.type === 'object' && schema.patternProperties !== undefined

// The gate refuses longer property names, and these anywhere (in any casing). Closed objects
// admit neither; a dictionary's free keys must match this, or the body takes the full reading.
const anyCase = (name: string) =>
  [...name]
    .map((c) =>
      c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`
    )
    .join('')
const allowedKey = `^(?!(?:${[...forbiddenNames].map(anyCase).join('|')})$).{0,${inputLimits.maxNameLength}}$`

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
  if (isDictionary(schema)) {
    // A string dictionary: its values are plain strings under the same limit.
    const values = Object.values(schema.patternProperties as Record<string, TSchema>)
    const [value] = values
    if (values.length !== 1 || !value) {
      throw new Error('a dictionary with more than one key pattern has no fast reading')
    }
    return {
      ...CloneType(schema),
      patternProperties: { [allowedKey]: strictSchemaOf(value, readOnly) },
      additionalProperties: false,
    }
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

type Strip = (value: unknown, zone: TimeZoneChoice | null) => unknown

const keep: Strip = (value) => value

/**
 * What the full reading makes of a value that passed the strict check: objects without their
 * read-only properties (nested ones too), dates as UTC ISO text; the rest as sent. A date whose
 * UTC form leaves four-digit years throws `declined`: the full reading would refuse it.
 */
function compileStrip(schema: TSchema): Strip {
  const target = withoutNull(schema)
  if (isDateTimeSchema(target)) {
    return (value, zone) => {
      if (typeof value !== 'string') {
        return value
      }
      const utc = dateIn(value, zone)
      if (utc.charCodeAt(0) === 0x2b || utc.charCodeAt(0) === 0x2d) {
        throw declined
      }
      return utc
    }
  }
  if (isArraySchema(target)) {
    const item = compileStrip(target.items as TSchema)
    return item === keep
      ? keep
      : (value, zone) => (Array.isArray(value) ? value.map((v) => item(v, zone)) : value)
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
  return (value, zone) => {
    if (value === null || typeof value !== 'object') {
      return value
    }
    const out: Record<string, unknown> = {}
    const object = value as Record<string, unknown>
    for (const name in object) {
      const strip = writable.get(name)
      if (strip) {
        out[name] = strip(object[name], zone)
      }
    }
    return out
  }
}
