import { type Static, Type } from '@sinclair/typebox'
import { Bool, Describe, Int32, NameEnum, Text } from '../common/types.ts'

/**
 * How a custom field's value is written in `CustomFields` (values travel as strings).
 * @example 'Int'
 */
export const CustomFieldType = NameEnum(
  'CustomFieldType',
  ['ShortText', 'LongText', 'Int', 'Decimal', 'Date', 'DateTime', 'Checkbox'] as const,
  {
    description:
      'ShortText (up to 255 characters), LongText (up to 4000), Int ("42"), Decimal ("3.5"), Date ("2024-01-31"), DateTime (ISO 8601), Checkbox ("0" or "1", "true" or "false").',
  }
)
export type CustomFieldType = Static<typeof CustomFieldType>

/**
 * The metadata of one ticket custom field, as `GET /api/v1/Ticket/CustomField` lists it.
 * @example { FieldType: 'ShortText', FieldName: 'x_region', DisplayName: 'Region', Description: 'Sales region', ShortLabel: 'Reg', HideLabel: false, HideField: false, IsIndexed: false, IsMandatory: false, IsReadOnly: false, IsExternal: false, Rank: 1, TemplateVariableName: 'x_region' }
 */
export const TicketCustomFieldInfo = Type.Object(
  {
    FieldType: Describe(CustomFieldType, 'How the value is written.'),
    FieldName: Text('The key in CustomFields; unique.', 100),
    DisplayName: Text('The label shown for the field.', 255),
    Description: Text('What the field is for.', 2000),
    ShortLabel: Text('A short label.', 50),
    HideLabel: Bool('Hide the label in forms.'),
    HideField: Bool('Hide the field in forms.'),
    IsIndexed: Bool('The field is meant for searching and filtering.'),
    IsMandatory: Bool('A new ticket must have a value.'),
    IsReadOnly: Bool('Shown but not edited in forms.'),
    IsExternal: Bool('Shown to customers.'),
    Rank: Int32('Order among the fields.'),
    TemplateVariableName: Text('The name in reply templates.', 100),
  },
  { $id: 'TicketCustomFieldInfo', description: 'The metadata of one ticket custom field.' }
)
export type TicketCustomFieldInfo = Static<typeof TicketCustomFieldInfo>
