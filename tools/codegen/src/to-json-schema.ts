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
 *
 * @example
 * toJsonSchema(Type.Object({ Owner: Associate }), { componentIds: new Set(['Associate']) })
 * // { type: 'object', required: ['Owner'],
 * //   properties: { Owner: { $ref: '#/components/schemas/Associate' } } }
 */
export function toJsonSchema(schema: TSchema, options: ToJsonSchemaOptions): JsonSchema {
  return convert(schema, options.componentIds, options.root === true)
}

function convert(schema: unknown, ids: ReadonlySet<string>, root: boolean): JsonSchema {
  if (!isRecord(schema)) {
    throw new Error(`not a schema: ${JSON.stringify(schema)}`)
  }
  const id = schema.$id
  if (!root && typeof id === 'string' && ids.has(id)) {
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
    out[key] = convertKeyword(key, value, ids)
  }
  return out
}

/** Sub-schema positions also accept JSON Schema's boolean schemas (`additionalProperties: false`). */
function convertSub(value: unknown, ids: ReadonlySet<string>): JsonValue {
  return typeof value === 'boolean' ? value : convert(value, ids, false)
}

function convertKeyword(key: string, value: unknown, ids: ReadonlySet<string>): JsonValue {
  if (key === '$ref' && typeof value === 'string') {
    return resolveRef(value, ids)
  }
  if (schemaKeys.has(key)) {
    // TypeBox tuples use the draft-07 `items: [...]` form.
    return Array.isArray(value)
      ? value.map((item) => convertSub(item, ids))
      : convertSub(value, ids)
  }
  if (schemaListKeys.has(key) && Array.isArray(value)) {
    return value.map((item) => convertSub(item, ids))
  }
  if (schemaMapKeys.has(key) && isRecord(value)) {
    const out: JsonObject = {}
    for (const name of Object.keys(value)) {
      const converted = convertSub(value[name], ids)
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
