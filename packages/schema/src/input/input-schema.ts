import { type TSchema, Type } from '@sinclair/typebox'
import { isArraySchema, isObjectSchema, propertiesOf, unionMembers } from './schema-walk.ts'

/**
 * The shape a client may send for an entity: every property optional at every level (a carrier
 * may be sent as just its id) and read-only properties left out. Derived, never hand-written.
 */
export function inputSchemaOf(schema: TSchema): TSchema {
  if (isObjectSchema(schema)) {
    const properties: Record<string, TSchema> = {}
    for (const [name, property] of Object.entries(propertiesOf(schema))) {
      if (property.readOnly !== true) {
        properties[name] = Type.Optional(inputSchemaOf(property))
      }
    }
    return Type.Object(properties)
  }
  const members = unionMembers(schema)
  if (members) {
    return Type.Union(members.map(inputSchemaOf))
  }
  if (isArraySchema(schema)) {
    return Type.Array(inputSchemaOf(schema.items as TSchema), { maxItems: schema.maxItems })
  }
  return schema
}
