import { type Static, Type } from '@sinclair/typebox'
import { EFieldRight } from '../enums/e-field-right.ts'
import { ETableRight } from '../enums/e-table-right.ts'
import { Describe, Int32, Nullable, ReadOnly, SKIP, Text, withDb } from './types.ts'

/**
 * What the caller may do with the entity as a whole.
 * @example { Mask: 'FULL', Reason: '' }
 */
export const TableRight = Type.Object(
  {
    Mask: Describe(ETableRight, 'The table right of the caller, as an ETableRight name.'),
    Reason: Text('Why the right is restricted; empty or a string reference such as [SR_…].', 255),
  },
  { $id: 'TableRight', description: 'The carrier table right.' }
)
export type TableRight = Static<typeof TableRight>

/**
 * What the caller may do with one field.
 * @example { Mask: 'Update, UIHintMandatory', Reason: '[SR_MANDATORY_FIELD_1281]' }
 */
export const FieldRight = Type.Object(
  {
    Mask: Describe(EFieldRight, 'The field right of the caller, comma-joined EFieldRight names.'),
    Reason: Text('Why the right is restricted; empty or a string reference such as [SR_…].', 255),
  },
  { $id: 'FieldRight', description: 'The field right of the caller on one field.' }
)
export type FieldRight = Static<typeof FieldRight>

/**
 * Right, .NET type and maximum length of one field.
 * @example { FieldRight: null, FieldType: 'System.String', FieldLength: 255 }
 */
export const FieldProperty = Type.Object(
  {
    FieldRight: Nullable(FieldRight, { description: 'The field right; null means full access.' }),
    FieldType: Text('The .NET type name of the field, e.g. System.String or System.Int32.', 255),
    FieldLength: Int32('Maximum length of a string field; -1 or 0 when not applicable.'),
  },
  { $id: 'FieldProperty', description: 'Field right, type and length of one carrier field.' }
)
export type FieldProperty = Static<typeof FieldProperty>

/** Field name → FieldProperty; the service gives an entry for every carrier property. */
export const FieldProperties = Type.Record(Type.String(), FieldProperty, {
  $id: 'FieldPropertyDictionary',
  description: 'Field rights, types and lengths by field name.',
})
export type FieldProperties = Static<typeof FieldProperties>

/**
 * The two rights properties every carrier ends with. Response-only (read-only, not stored) and
 * optional because requests and nested list items may omit them.
 */
export const rightsProperties = () => ({
  TableRight: Type.Optional(
    ReadOnly(
      withDb(
        Nullable(TableRight, {
          description: 'The carrier table right: what the caller may do with this entity.',
        }),
        SKIP
      )
    )
  ),
  FieldProperties: Type.Optional(
    ReadOnly(
      withDb(
        Describe(FieldProperties, 'Field rights, types and lengths, keyed by property name.'),
        SKIP
      )
    )
  ),
})
