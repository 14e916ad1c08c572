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

/**
 * `value` as input of `inputSchema`: only the properties that schema names, at every level (an
 * entity read back as what a client may send). Values the schema does not describe as objects
 * (records, scalars, `null`) are kept as they are.
 * @example inputValueOf(TicketEntityInput, { Title: 'x', CreatedAt: '2024-01-01T00:00:00Z' }) // { Title: 'x' }
 */
export function inputValueOf(inputSchema: TSchema, value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = isArraySchema(inputSchema) ? (inputSchema.items as TSchema) : undefined
    return items ? value.map((item) => inputValueOf(items, item)) : value
  }
  const objectSchema = isObjectSchema(inputSchema)
    ? inputSchema
    : unionMembers(inputSchema)?.find(isObjectSchema)
  if (value === null || typeof value !== 'object' || !objectSchema) {
    return value
  }
  const properties = propertiesOf(objectSchema)
  return Object.fromEntries(
    Object.entries(value).flatMap(([name, property]) => {
      const schema = properties[name]
      return schema ? [[name, inputValueOf(schema, property)]] : []
    })
  )
}
