import type { TSchema } from '@sinclair/typebox'
import { isArraySchema, isObjectSchema, withoutNull } from '@ticket/schema'

const carrierNamespace = 'SuperOffice.CRM.Services'

/** The .NET type name SuperOffice reports as `FieldType`, derived from a property schema. */
export function dotNetTypeOf(schema: TSchema): string {
  const s = withoutNull(schema)
  if (typeof s.$id === 'string' && isObjectSchema(s)) {
    return `${carrierNamespace}.${s.$id}`
  }
  if (isArraySchema(s)) {
    return `${dotNetTypeOf(s.items as TSchema)}[]`
  }
  if (s.type === 'integer') {
    return 'System.Int32'
  }
  if (s.type === 'number') {
    return 'System.Double'
  }
  if (s.type === 'boolean') {
    return 'System.Boolean'
  }
  if (s.type === 'string') {
    if (s.format === 'date-time') {
      return 'System.DateTime'
    }
    return typeof s.$id === 'string' ? `${carrierNamespace}.${s.$id}` : 'System.String'
  }
  if (s.type === 'object') {
    return 'System.Collections.Generic.Dictionary`2[System.String,System.String]'
  }
  return 'System.Object'
}
