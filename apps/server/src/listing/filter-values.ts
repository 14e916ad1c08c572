import type { ArchiveColumn } from '@ticket/schema'
import { dateIn } from '../locale/convert-dates.ts'
import type { TimeZoneChoice } from '../locale/time-zone.ts'
import { parseIso } from '../locale/zoned-time.ts'
import type { Literal } from './filter-parser.ts'
import { queryError } from './query-error.ts'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * A `$filter` value as the column stores it: integers for ids, UTC ISO text for dates (read in
 * SO-TimeZone when they carry no offset), enum names for enums (numbers are accepted), 0/1 for
 * booleans on SQLite. A value of the wrong kind is a 400 naming the column.
 */
export function storedValue(
  column: ArchiveColumn,
  value: Literal,
  zone: TimeZoneChoice | null,
  dialect: 'sqlite' | 'pg'
): string | number | boolean {
  const wrong = (expected: string) =>
    queryError(
      '$filter',
      `${column.name} expects ${expected}, got ${JSON.stringify(value)}`,
      'type'
    )
  switch (column.type) {
    case 'int':
      if (typeof value === 'number' && Number.isInteger(value)) {
        return value
      }
      throw wrong('an integer')
    case 'number':
      if (typeof value === 'number') {
        return value
      }
      throw wrong('a number')
    case 'bool':
      if (typeof value === 'boolean') {
        return dialect === 'sqlite' ? Number(value) : value
      }
      throw wrong('true or false')
    case 'date': {
      const text = typeof value === 'string' && DATE_ONLY.test(value) ? `${value}T00:00:00` : value
      if (typeof text === 'string' && parseIso(text)) {
        return dateIn(text, zone)
      }
      throw wrong('an ISO 8601 date')
    }
    case 'enum': {
      const names = column.enumNames ?? []
      if (typeof value === 'string') {
        const name = names.find((n) => n.toLowerCase() === value.toLowerCase())
        if (name) {
          return name
        }
      }
      if (typeof value === 'number') {
        const entry = Object.entries(column.enumValues ?? {}).find(([, n]) => n === value)
        if (entry) {
          return entry[0]
        }
      }
      throw wrong(`one of ${names.join(', ')}`)
    }
    default:
      if (typeof value === 'string') {
        return value
      }
      if (typeof value === 'number') {
        return String(value)
      }
      throw wrong('a string')
  }
}
