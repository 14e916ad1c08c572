import { type TSchema, Type } from '@sinclair/typebox'
import { propertiesOf, unionMembers } from './schema-walk.ts'

/** Whether `null` is a value the schema takes (`T | null`). */
export const admitsNull = (s: TSchema): boolean =>
  s.type === 'null' || (unionMembers(s)?.some((member) => member.type === 'null') ?? false)

/**
 * The JSON Merge Patch (RFC 7396) body of an entity, from its input schema. A merge patch names
 * the members to change with their input shapes (objects are merged member by member, arrays
 * replaced whole), and `null` removes a member: on an entity that clears it, so `null` is taken
 * exactly where the entity can be empty, the input schema's nullable properties. Elsewhere a
 * `null` would leave the entity invalid, and the server answers 400.
 * @example mergePatchSchemaOf(TicketEntityInput, 'TicketEntityMergePatch').description
 * // 'A JSON Merge Patch … `null` clears Activate, Deadline, OwnedBy, …'
 */
export function mergePatchSchemaOf(input: TSchema, $id: string): TSchema {
  const clearable = Object.entries(propertiesOf(input))
    .filter(([, property]) => admitsNull(property))
    .map(([name]) => name)
  // The same shape: a reference, not a second copy of every property in the document.
  return Type.Unsafe({
    allOf: [input],
    $id,
    description: `A JSON Merge Patch (RFC 7396) of the entity: the members to change, nested objects merged, arrays replaced whole. \`null\` clears ${clearable.join(', ')}; other properties cannot be empty.`,
  })
}
