import { type TSchema, Type } from '@sinclair/typebox'
import type { ColumnType, DbHint } from './contract'
import { isRecord } from './json'

/** A property schema with `Nullable` (anyOf [T, null]) peeled off. */
export interface Unwrapped {
  schema: TSchema
  nullable: boolean
}

const isNullSchema = (s: unknown): boolean => isRecord(s) && s.type === 'null'

/** anyOf [T, null] → { schema: T, nullable: true }; anyOf [A, B, null] keeps anyOf [A, B]. */
export function unwrapNullable(schema: TSchema): Unwrapped {
  const anyOf: unknown = schema.anyOf
  if (Array.isArray(anyOf) && anyOf.some(isNullSchema)) {
    const rest: TSchema[] = anyOf.filter((s) => !isNullSchema(s))
    const [only] = rest
    return {
      schema: rest.length === 1 && only !== undefined ? only : Type.Union(rest),
      nullable: true,
    }
  }
  if (Array.isArray(schema.type) && schema.type.includes('null')) {
    const types: unknown[] = schema.type.filter((t: unknown) => t !== 'null')
    return { schema: { ...schema, type: types.length === 1 ? types[0] : types }, nullable: true }
  }
  return { schema, nullable: false }
}

const hintKinds = new Set(['skip', 'column', 'reference', 'link', 'children'])

/** The `x-db` hint on the property, or on the non-null member of a Nullable wrapper. */
export function readHint(property: TSchema, inner: TSchema): DbHint | undefined {
  const hint: unknown = property['x-db'] ?? inner['x-db']
  if (hint === undefined) {
    return undefined
  }
  if (!isRecord(hint) || typeof hint.kind !== 'string' || !hintKinds.has(hint.kind)) {
    throw new Error(`invalid x-db hint: ${JSON.stringify(hint)}`)
  }
  // Shape-checked by kind above; the contract type is the schema authors' promise.
  return hint as DbHint
}

/** String literals of a `Type.Union([Type.Literal('a'), …])` or `{ enum: [...] }`, if any. */
export function stringEnumValues(schema: TSchema): string[] | undefined {
  const members: unknown = schema.anyOf
  const values: unknown[] = Array.isArray(members)
    ? members.map((m) => (isRecord(m) ? m.const : undefined))
    : Array.isArray(schema.enum)
      ? schema.enum
      : []
  if (values.length === 0 || !values.every((v) => typeof v === 'string')) {
    return undefined
  }
  return values as string[]
}

/**
 * The mechanical mapping for a property without a type override. Arrays are not mappable:
 * the caller must have a `link` or `children` hint for them.
 */
export function mechanicalType(schema: TSchema): ColumnType | 'array' {
  if (stringEnumValues(schema) !== undefined) {
    return 'text'
  }
  const consts: unknown = schema.anyOf
  if (Array.isArray(consts) && consts.every((m) => isRecord(m) && Number.isInteger(m.const))) {
    return 'integer'
  }
  switch (schema.type) {
    case 'integer':
      return 'integer'
    case 'number':
      return 'real'
    case 'boolean':
      return 'boolean'
    case 'string':
      return schema.format === 'date-time' ? 'datetime' : 'text'
    case 'array':
      return 'array'
    default:
      // Objects, records, unions of objects, $refs and unknown values are stored as JSON.
      return 'json'
  }
}
