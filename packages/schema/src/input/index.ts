export { inputSchemaOf, inputValueOf } from './input-schema.ts'
export { admitsNull, mergePatchSchemaOf } from './merge-patch-schema.ts'
export {
  enumValues,
  isArraySchema,
  isDateTimeSchema,
  isObjectSchema,
  propertiesOf,
  propertyLookup,
  unionMembers,
  withoutNull,
} from './schema-walk.ts'
export { TicketEntityInput } from './ticket-entity-input.ts'
export { TicketEntityMergePatch } from './ticket-entity-merge-patch.ts'
export { TicketMessageEntityInput } from './ticket-message-entity-input.ts'
