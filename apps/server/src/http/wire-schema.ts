import type { TSchema } from '@sinclair/typebox'
import {
  enumValues,
  isArraySchema,
  isObjectSchema,
  propertiesOf,
  propertyLookup,
  withoutNull,
} from '@ticket/schema'

/** Schema views the wire formats (XML, forms, dates) share; all work on plain JSON Schema. */

/** The value schema of a `Type.Record` (a dictionary such as CustomFields). */
export function recordValueSchema(s: TSchema): TSchema | undefined {
  const patterns = s.patternProperties as Record<string, TSchema> | undefined
  return s.type === 'object' && patterns ? Object.values(patterns)[0] : undefined
}

/** A property's schema by name, matched case-insensitively as request properties are. */
export function propertySchema(s: TSchema, name: string): TSchema | undefined {
  const canonical = propertyLookup(s).get(name.toLowerCase())
  return canonical ? propertiesOf(s)[canonical] : undefined
}

/** What a schema is, once `T | null` is unwrapped. */
export type SchemaKind = 'object' | 'record' | 'array' | 'scalar' | 'other'

export function kindOf(schema: TSchema | undefined): SchemaKind {
  if (!schema) {
    return 'other'
  }
  const s = withoutNull(schema)
  if (isObjectSchema(s)) {
    return 'object'
  }
  if (recordValueSchema(s)) {
    return 'record'
  }
  if (isArraySchema(s)) {
    return 'array'
  }
  return ['string', 'integer', 'number', 'boolean'].includes(String(s.type)) ? 'scalar' : 'other'
}

export const isNullable = (schema: TSchema) => withoutNull(schema) !== schema

const integerText = /^[+-]?\d+$/
const numberText = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * Text from XML or a form as the value JSON would carry: numbers, booleans (`true`/`false`/`1`/`0`),
 * enum numbers (mapped to names later, like JSON numbers), `null` for an empty nullable scalar.
 * Text that does not fit stays text, so validation reports it with its path.
 * @example typedText('5', Type.Integer()) // 5
 */
export function typedText(text: string, schema: TSchema): unknown {
  const s = withoutNull(schema)
  if (text === '' && isNullable(schema) && s.type !== 'string') {
    return null
  }
  const trimmed = text.trim()
  if (s.type === 'integer' && integerText.test(trimmed)) {
    return Number(trimmed)
  }
  if (s.type === 'number' && numberText.test(trimmed)) {
    return Number(trimmed)
  }
  if (s.type === 'boolean') {
    const lower = trimmed.toLowerCase()
    if (lower === 'true' || lower === '1') {
      return true
    }
    if (lower === 'false' || lower === '0') {
      return false
    }
  }
  if (s.type === 'string' && enumValues(s) && integerText.test(trimmed)) {
    return Number(trimmed)
  }
  return text
}

const scalarItemNames: Record<string, string> = {
  integer: 'int',
  number: 'double',
  boolean: 'boolean',
  string: 'string',
}

/**
 * The element name of one array item: the item carrier's `$id` (`Tags` → `Tag`), the .NET name of
 * a scalar (`int`, `string`), else the property name without its plural `s`.
 * @example itemNameOf(TicketEntity.properties.Tags, 'Tags') // 'Tag'
 */
export function itemNameOf(arraySchema: TSchema | undefined, propertyName: string): string {
  const items = arraySchema ? (withoutNull(arraySchema).items as TSchema | undefined) : undefined
  const item = items ? withoutNull(items) : undefined
  if (item && typeof item.$id === 'string') {
    return item.$id
  }
  const scalar = item ? scalarItemNames[String(item.type)] : undefined
  if (scalar) {
    return scalar
  }
  return propertyName.length > 1 && propertyName.endsWith('s') ? propertyName.slice(0, -1) : 'Item'
}

/**
 * Sets an own property whatever its name: a `__proto__` key read from XML or a form becomes data,
 * as JSON.parse makes it, never the object's prototype.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key !== '__proto__') {
    // The only name an assignment to a plain object treats otherwise; defining every property
    // cost a tenth of an XML answer.
    target[key] = value
    return
  }
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}
