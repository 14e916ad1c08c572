import type { CustomFieldType, TicketCustomFieldInfo } from '@ticket/schema'
import type { FieldError } from '../http/api-error.ts'
import { parseIso } from '../locale/zoned-time.ts'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Whether `value` is written as the type says; every value travels as a string. */
const accepts: Record<CustomFieldType, (value: string) => boolean> = {
  ShortText: (value) => value.length <= 255,
  LongText: (value) => value.length <= 4000,
  Int: (value) => /^-?\d{1,10}$/.test(value) && Math.abs(Number(value)) <= 2147483647,
  Decimal: (value) => /^-?\d+(?:\.\d+)?$/.test(value),
  Date: (value) => DATE.test(value) && parseIso(`${value}T00:00:00Z`) !== undefined,
  DateTime: (value) => parseIso(value) !== undefined,
  Checkbox: (value) => /^(?:0|1|true|false)$/i.test(value),
}

/**
 * Checks a saved ticket's CustomFields against the declared fields: a declared field's value
 * must be written as its type says, and a mandatory one must have a value on a new ticket.
 * Fields nobody declared are kept as sent (ExtraFields-style data from integrations).
 */
export function checkCustomFields(
  values: Record<string, string>,
  declared: readonly TicketCustomFieldInfo[],
  isNew: boolean,
  errors: FieldError[]
) {
  const byName = new Map(declared.map((field) => [field.FieldName, field]))
  for (const [name, value] of Object.entries(values)) {
    const field = byName.get(name)
    if (field && value !== '' && !accepts[field.FieldType](value)) {
      errors.push({
        path: `/CustomFields/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        message: `must be a ${field.FieldType} value, got ${JSON.stringify(value.slice(0, 100))}`,
        code: 'custom_field_type',
      })
    }
  }
  if (isNew) {
    for (const field of declared) {
      if (field.IsMandatory && !values[field.FieldName]) {
        errors.push({
          path: `/CustomFields/${field.FieldName}`,
          message: `${field.DisplayName || field.FieldName} is mandatory`,
          code: 'required',
        })
      }
    }
  }
}
