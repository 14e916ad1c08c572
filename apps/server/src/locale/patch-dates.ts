import type { TSchema } from '@sinclair/typebox'
import { withoutNull } from '@ticket/schema'
import { kindOf, propertySchema, recordValueSchema } from '../http/wire-schema.ts'
import { dateIn, mapDates } from './convert-dates.ts'
import type { TimeZoneChoice } from './time-zone.ts'

/** The schema a JSON Patch path points at; paths are case-insensitive, the `/` optional. */
export function schemaAtPath(schema: TSchema, path: string): TSchema | undefined {
  const segments = path
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
  let current: TSchema | undefined = schema
  for (const segment of segments) {
    if (!current || segment === '') {
      return current
    }
    const s = withoutNull(current)
    const kind = kindOf(s)
    current =
      kind === 'object'
        ? propertySchema(s, segment)
        : kind === 'record'
          ? recordValueSchema(s)
          : kind === 'array'
            ? (s.items as TSchema)
            : undefined
  }
  return current
}

const isOperation = (op: unknown): op is { path: string; value: unknown } =>
  typeof op === 'object' &&
  op !== null &&
  typeof (op as { path?: unknown }).path === 'string' &&
  'value' in op

/**
 * Dates in the values of JSON Patch operations, read like dates in an entity body (the value's
 * schema is found from the operation's path in the document schema).
 */
export function patchDatesIn(
  ops: unknown,
  document: TSchema,
  zone: TimeZoneChoice | null
): unknown {
  if (!Array.isArray(ops)) {
    return ops
  }
  return ops.map((op) => {
    if (!isOperation(op)) {
      return op
    }
    const target = schemaAtPath(document, op.path)
    return { ...op, value: mapDates(op.value, target, (text) => dateIn(text, zone)) }
  })
}
