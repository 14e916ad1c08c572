import {
  CloneType,
  Kind,
  type SchemaOptions,
  type TSchema,
  type TString,
  type TUnsafe,
  Type,
  TypeRegistry,
} from '@sinclair/typebox'
import type { DbHint } from '@ticket/codegen'
// Every schema module imports this file, so `date-time` is always checked for real.
import './formats.ts'

/** TypeBox kind of the schemas built by {@link StringEnum}; registered below so checks are real. */
export const STRING_ENUM_KIND = 'StringEnum'

if (!TypeRegistry.Has(STRING_ENUM_KIND)) {
  TypeRegistry.Set<{ enum: readonly string[] }>(
    STRING_ENUM_KIND,
    (schema, value) => typeof value === 'string' && schema.enum.includes(value)
  )
}

const INT32_MIN = -2147483648
const INT32_MAX = 2147483647

/**
 * `T | null`. Unset nested carriers travel as `null` (see docs/decisions.md).
 * @example Nullable(Associate, { description: 'The owner' })
 */
export const Nullable = <T extends TSchema>(schema: T, options: SchemaOptions = {}) =>
  Type.Union([schema, Type.Null()], options)

/**
 * A nullable ISO 8601 date-time string; an empty date is `null` on the wire.
 * @example DateTime({ description: 'When the ticket was created.' })
 */
export const DateTime = (options: SchemaOptions = {}) =>
  Nullable(Type.String({ format: 'date-time' }), options)

/** A 32-bit integer, as SuperOffice's `int32` fields. */
export const Int32 = (description: string, options: SchemaOptions = {}) =>
  Type.Integer({ format: 'int32', minimum: INT32_MIN, maximum: INT32_MAX, description, ...options })

/** A string whose `maxLength` is also reported as its `FieldLength` in FieldProperties. */
export const Text = (description: string, maxLength: number, options: SchemaOptions = {}) =>
  Type.String({ description, maxLength, ...options })

export const Bool = (description: string, options: SchemaOptions = {}) =>
  Type.Boolean({ description, ...options })

export const Double = (description: string, options: SchemaOptions = {}) =>
  Type.Number({ format: 'double', description, ...options })

/** A string dictionary (`ExtraFields`, `CustomFields`). Values are SuperOffice-encoded strings. */
export const StringDictionary = (description: string) =>
  Type.Record(Type.String(), Type.String(), { description })

/**
 * An enum that travels by name. The schema is `{ type: 'string', enum: [...names] }` with the
 * numeric values documented in `x-enum-values` (clients may send the numbers; the server maps them).
 * @example StringEnum('TicketSecurityLevel', { Unknown: 0, Internal: 1, External: 2 })
 */
export const StringEnum = <T extends Record<string, number>>(
  $id: string,
  values: T,
  options: SchemaOptions = {}
): TUnsafe<keyof T & string> => {
  const names = Object.keys(values)
  return Type.Unsafe<keyof T & string>({
    [Kind]: STRING_ENUM_KIND,
    type: 'string',
    enum: names,
    default: names[0],
    'x-enum-values': values,
    ...options,
    $id,
  })
}

/**
 * A name-only enum (no numeric values), same shape as {@link StringEnum}.
 * @example NameEnum('ErrorCode', ['BAD_REQUEST', 'NOT_FOUND'])
 */
export const NameEnum = <const T extends readonly string[]>(
  $id: string,
  names: T,
  options: SchemaOptions = {}
): TUnsafe<T[number]> =>
  Type.Unsafe<T[number]>({
    [Kind]: STRING_ENUM_KIND,
    type: 'string',
    enum: [...names],
    default: names[0],
    ...options,
    $id,
  })

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A flags enum: comma-joined names as .NET writes them (`"Internal, ListInMain"`), zero value by
 * its own name (`"Unknown"`).
 * @example FlagsEnum('TicketPriorityFlags', { Unknown: 0, External: 1, Default: 2 })
 */
export const FlagsEnum = <T extends Record<string, number>>(
  $id: string,
  values: T,
  options: SchemaOptions = {}
): TString => {
  const names = Object.keys(values)
  const one = `(?:${names.map(escapeRegExp).join('|')})`
  return Type.String({
    pattern: `^${one}(?:\\s*,\\s*${one})*$`,
    default: names[0],
    'x-enum-values': values,
    'x-flags': true,
    ...options,
    $id,
  })
}

/** Attaches a storage hint (`x-db`) read by the codegen emitters. */
export const withDb = <T extends TSchema>(schema: T, hint: DbHint): T =>
  CloneType(schema, { 'x-db': hint })

/** Marks a property read-only on save: ignored when sent, computed by the server (see docs/decisions.md). */
export const ReadOnly = <T extends TSchema>(schema: T): T => CloneType(schema, { readOnly: true })

/** Gives a shared schema (an enum, a carrier) a property-specific description. */
export const Describe = <T extends TSchema>(schema: T, description: string): T =>
  CloneType(schema, { description })

/** Storage hint: not persisted, derived on every read. */
export const SKIP: DbHint = { kind: 'skip' }

/** Storage hint: a JSON column. */
export const JSON_COLUMN: DbHint = { kind: 'column', type: 'json' }
