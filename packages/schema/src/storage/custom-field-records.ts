import { type Static, Type } from '@sinclair/typebox'
import { Int32, withDb } from '../common/types.ts'
import { TicketCustomFieldInfo } from '../entities/ticket-custom-field.ts'

/** Row of `ticket_custom_fields`: the metadata of one custom field, imported from the tenant file. */
export const TicketCustomFieldRecord = Type.Object(
  {
    Id: Int32('The primary key.'),
    ...TicketCustomFieldInfo.properties,
    FieldName: withDb(TicketCustomFieldInfo.properties.FieldName, {
      kind: 'column',
      unique: true,
    }),
  },
  { $id: 'TicketCustomFieldRecord', description: 'Storage row of a ticket custom field.' }
)
export type TicketCustomFieldRecord = Static<typeof TicketCustomFieldRecord>
