import type { TSchema } from '@sinclair/typebox'
import { isRecord, type JsonObject, type JsonSchema, type JsonValue, toJsonValue } from './json'

/**
 * Where component references point in an OpenAPI document.
 *
 * @example
 * componentRefPrefix + 'TicketEntity' // '#/components/schemas/TicketEntity'
 */
export const componentRefPrefix = '#/components/schemas/'

/** Keywords whose value is one schema. */
const schemaKeys = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
])
/** Keywords whose value is a list of schemas. */
const schemaListKeys = new Set(['anyOf', 'allOf', 'oneOf', 'prefixItems'])
/** Keywords whose value maps names to schemas. */
const schemaMapKeys = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
])

export interface ToJsonSchemaOptions {
  /** `$id`s published as components; nested occurrences become `$ref`s. */
  componentIds: ReadonlySet<string>
  /**
   * True for the component definition itself, so its own `$id` does not turn into a `$ref` to
   * itself. Nested schemas are never roots.
   */
  root?: boolean
  /**
   * Formats the schema package checks differently from their OpenAPI meaning, by name: the
   * keywords written instead of `format` (a `pattern`), so the document states what is accepted.
   */
  formats?: Readonly<Record<string, JsonObject>>
}

interface Context {
  ids: ReadonlySet<string>
  formats: Readonly<Record<string, JsonObject>>
}

/**
 * TypeBox schema → plain JSON Schema for an OpenAPI 3.1 document.
 *
 * - Nested schemas whose `$id` is a component become `{ $ref: '#/components/schemas/<id>' }`.
 * - Bare `$ref: 'X'` (Type.Ref, Type.Unsafe, Type.Recursive's self reference) is rewritten to
 *   the component path; an unknown target throws, because the document would not resolve.
 * - `$id` is dropped: the component key names the schema, and a nested `$id` would change the
 *   base URI that `#/components/...` references resolve against.
 * - Keys starting with `x-db` (storage hints) are dropped; other `x-` keys are kept.
 * - Every array-valued property gets `xml: { wrapped: true }` so XML renders `<Tags><Tag/>…`.
 * - A `format` named in `options.formats` is replaced by the keywords given there.
 *
 * @example
 * toJsonSchema(Type.Object({ Owner: Associate }), { componentIds: new Set(['Associate']) })
 * // { type: 'object', required: ['Owner'],
 * //   properties: { Owner: { $ref: '#/components/schemas/Associate' } } }
 */
export function toJsonSchema(schema: TSchema, options: ToJsonSchemaOptions): JsonSchema {
  const context = { ids: options.componentIds, formats: options.formats ?? {} }
  return convert(schema, context, options.root === true)
}

function convert(schema: unknown, context: Context, root: boolean): JsonSchema {
  if (!isRecord(schema)) {
    throw new Error(`not a schema: ${JSON.stringify(schema)}`)
  }
  const id = schema.$id
  if (!root && typeof id === 'string' && context.ids.has(id)) {
    // OpenAPI 3.1 allows siblings of $ref: keep what the property says about its use.
    const ref: JsonObject = { $ref: componentRefPrefix + id }
    if (typeof schema.description === 'string') {
      ref.description = schema.description
    }
    if (schema.readOnly === true) {
      ref.readOnly = true
    }
    return ref
  }
  const out: JsonObject = {}
  for (const key of Object.keys(schema)) {
    const value = schema[key]
    if (key === '$id' || key.startsWith('x-db') || value === undefined) {
      continue
    }
    const format =
      key === 'format' && typeof value === 'string' ? context.formats[value] : undefined
    if (format !== undefined) {
      Object.assign(out, format)
      continue
    }
    out[key] = convertKeyword(key, value, context)
  }
  return out
}

/** Sub-schema positions also accept JSON Schema's boolean schemas (`additionalProperties: false`). */
function convertSub(value: unknown, context: Context): JsonValue {
  return typeof value === 'boolean' ? value : convert(value, context, false)
}

function convertKeyword(key: string, value: unknown, context: Context): JsonValue {
  if (key === '$ref' && typeof value === 'string') {
    return resolveRef(value, context.ids)
  }
  if (schemaKeys.has(key)) {
    // TypeBox tuples use the draft-07 `items: [...]` form.
    return Array.isArray(value)
      ? value.map((item) => convertSub(item, context))
      : convertSub(value, context)
  }
  if (schemaListKeys.has(key) && Array.isArray(value)) {
    return value.map((item) => convertSub(item, context))
  }
  if (schemaMapKeys.has(key) && isRecord(value)) {
    const out: JsonObject = {}
    for (const name of Object.keys(value)) {
      const converted = convertSub(value[name], context)
      out[name] = key === 'properties' && isRecord(converted) ? withArrayXml(converted) : converted
    }
    return out
  }
  // Anything else (enum, const, default, examples, x-enum-values…) is data, not schema.
  return toJsonValue(value)
}

function resolveRef(ref: string, ids: ReadonlySet<string>): string {
  if (ref.startsWith('#')) {
    return ref
  }
  if (!ids.has(ref)) {
    throw new Error(`unresolved $ref '${ref}': add the schema with that $id to spec.components`)
  }
  return componentRefPrefix + ref
}

function withArrayXml(schema: JsonSchema): JsonSchema {
  if (schema.type !== 'array') {
    return schema
  }
  const xml = isRecord(schema.xml) ? schema.xml : {}
  return { ...schema, xml: { ...xml, wrapped: true } }
}
