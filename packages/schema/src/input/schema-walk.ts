import type { TSchema } from '@sinclair/typebox'

/** Plain JSON-Schema views of a TypeBox schema, used by the generic input helpers. */
export const isObjectSchema = (s: TSchema): boolean =>
  s.type === 'object' && typeof s.properties === 'object' && s.properties !== null
export const isArraySchema = (s: TSchema): boolean => s.type === 'array'
export const unionMembers = (s: TSchema): TSchema[] | undefined =>
  Array.isArray(s.anyOf) ? (s.anyOf as TSchema[]) : undefined
export const enumValues = (s: TSchema): Record<string, number> | undefined =>
  s['x-enum-values'] as Record<string, number> | undefined
export const isDateTimeSchema = (s: TSchema): boolean =>
  s.type === 'string' && s.format === 'date-time'
export const propertiesOf = (s: TSchema): Record<string, TSchema> =>
  (s.properties ?? {}) as Record<string, TSchema>

/** The non-null member of `T | null`, or the schema itself. */
export function withoutNull(s: TSchema): TSchema {
  const members = unionMembers(s)
  if (!members) {
    return s
  }
  const rest = members.filter((m) => m.type !== 'null')
  return rest.length === 1 && rest[0] ? rest[0] : s
}

const lookups = new WeakMap<TSchema, Map<string, string>>()

/** Lower-cased property name → canonical (PascalCase) name, built once per schema. */
export function propertyLookup(s: TSchema): Map<string, string> {
  let lookup = lookups.get(s)
  if (!lookup) {
    lookup = new Map(Object.keys(propertiesOf(s)).map((name) => [name.toLowerCase(), name]))
    lookups.set(s, lookup)
  }
  return lookup
}
