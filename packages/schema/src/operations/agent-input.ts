import { type TObject, type TSchema, Type } from '@sinclair/typebox'
import { TicketEntity } from '../entities/ticket-entity.ts'
import { TicketMessageEntity } from '../entities/ticket-message.ts'
import { inputSchemaOf } from '../input/input-schema.ts'
import { isObjectSchema, propertiesOf } from '../input/schema-walk.ts'
import { TicketEntityInput } from '../input/ticket-entity-input.ts'
import { TicketMessageEntityInput } from '../input/ticket-message-entity-input.ts'

/** Entities a body carries, by `$id`, and what a client sends for each. */
const entityInputs = new Map<unknown, TSchema>([
  [TicketEntity.$id, TicketEntityInput],
  [TicketMessageEntity.$id, TicketMessageEntityInput],
])

const camelCase = (name: string) => name.charAt(0).toLowerCase() + name.slice(1)

/** One property as a client sends it: an entity as its input shape, anything else derived. */
function propertyInput(property: TSchema): TSchema {
  return entityInputs.get(property.$id) ?? inputSchemaOf(property)
}

/**
 * What SuperOffice's own client sends to an agent method (the documented request body): the
 * entity's input shape, or a wrapper (`{ NewEntity, Notify }`) with every property optional,
 * spelt PascalCase or camelCase (`{ newEntity, notify }`), or `null`. The server reads names
 * case-insensitively.
 */
export function agentInputOf(body: TSchema): TSchema {
  const entity = entityInputs.get(body.$id)
  if (entity !== undefined || !isObjectSchema(body)) {
    return Type.Union([entity ?? inputSchemaOf(body), Type.Null()])
  }
  const pascal: Record<string, TSchema> = {}
  const camel: Record<string, TSchema> = {}
  for (const [name, property] of Object.entries(propertiesOf(body as TObject))) {
    if (property.readOnly === true) {
      continue
    }
    pascal[name] = Type.Optional(propertyInput(property))
    camel[camelCase(name)] = Type.Optional(propertyInput(property))
  }
  return Type.Union([Type.Object(pascal), Type.Object(camel), Type.Null()], {
    description:
      `${body.description ?? ''} Property names PascalCase or camelCase, or \`null\`.`.trim(),
  })
}
