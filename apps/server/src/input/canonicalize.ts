import type { TSchema } from '@sinclair/typebox'
import {
  enumValues,
  isArraySchema,
  isDateTimeSchema,
  isObjectSchema,
  propertiesOf,
  propertyLookup,
  unionMembers,
  withoutNull,
} from '@ticket/schema'
import type { FieldError } from '../http/api-error.ts'
import { hasUnsafeText, inputLimits, pointerToken } from './gate.ts'

export { inputLimits }

/**
 * Turns a client's body into the schema's own shape before validation: property names matched
 * case-insensitively, unknown and read-only properties dropped, enum numbers turned into names,
 * `""` dates into null. Problems that validation cannot see (bad text, depth) are collected;
 * the JSON pointers of unknown properties, which are dropped, go to `ignored`.
 */
export function canonicalize(
  schema: TSchema,
  value: unknown,
  errors: FieldError[],
  path = '',
  depth = 0,
  ignored: string[] = []
): unknown {
  if (depth > inputLimits.maxDepth) {
    errors.push({
      path,
      message: `nesting deeper than ${inputLimits.maxDepth} levels`,
      code: 'too_deep',
    })
    return undefined
  }
  if (value === null || typeof value !== 'object') {
    return canonicalScalar(schema, value, errors, path)
  }
  const target = withoutNull(schema)
  if (Array.isArray(value)) {
    if (value.length > inputLimits.maxArrayItems) {
      errors.push({
        path,
        message: `more than ${inputLimits.maxArrayItems} items`,
        code: 'too_many_items',
      })
      return value.slice(0, inputLimits.maxArrayItems)
    }
    const items = isArraySchema(target) ? (target.items as TSchema) : undefined
    return items
      ? value.map((item, i) =>
          isScalar(item) && depth < inputLimits.maxDepth
            ? canonicalScalar(items, item, errors, path, i)
            : canonicalize(items, item, errors, `${path}/${i}`, depth + 1, ignored)
        )
      : value
  }
  if (typeof value === 'object' && isObjectSchema(target)) {
    const lookup = propertyLookup(target)
    const properties = propertiesOf(target)
    const out: Record<string, unknown> = {}
    const object = value as Record<string, unknown>
    for (const key of Object.keys(object)) {
      const name = lookup.get(key.toLowerCase())
      const property = name ? properties[name] : undefined
      if (!name && target.additionalProperties === false) {
        errors.push({
          path: `${path}/${pointerToken(key)}`,
          message: 'is not a known property',
          code: 'unknown',
        })
      } else if (!name) {
        ignored.push(`${path}/${pointerToken(key)}`)
      }
      if (!name || !property || property.readOnly === true) {
        continue
      }
      const raw = object[key]
      out[name] =
        isScalar(raw) && depth < inputLimits.maxDepth
          ? canonicalScalar(property, raw, errors, path, name)
          : canonicalize(property, raw, errors, `${path}/${name}`, depth + 1, ignored)
    }
    return out
  }
  return value
}

const isScalar = (value: unknown) => value === null || typeof value !== 'object'

/**
 * A scalar in the schema's shape: `""` dates null, enum numbers their names; text that cannot be
 * stored is reported at `parent/token` (at `parent` without a token). The pointer is built only
 * for a problem: a body has far more scalars than problems.
 */
function canonicalScalar(
  schema: TSchema,
  value: unknown,
  errors: FieldError[],
  parent: string,
  token?: string | number
): unknown {
  if (value === null || value === undefined) {
    return value
  }
  if (typeof value === 'string') {
    if (hasUnsafeText(value)) {
      errors.push({
        path: token === undefined ? parent : `${parent}/${token}`,
        message: 'text contains NUL or an unpaired surrogate',
        code: 'invalid_text',
      })
    }
    if (value === '' && isDateTimeSchema(withoutNull(schema))) {
      return null
    }
    return value
  }
  if (typeof value === 'number') {
    return enumName(withoutNull(schema), value) ?? value
  }
  return value
}

function enumName(schema: TSchema, value: number): string | undefined {
  const candidates = unionMembers(schema) ?? [schema]
  for (const candidate of candidates) {
    const values = enumValues(candidate)
    if (!values) {
      continue
    }
    const exact = Object.entries(values).find(([, v]) => v === value)
    if (exact) {
      return exact[0]
    }
    if (candidate['x-flags'] === true && Number.isInteger(value) && value > 0) {
      const names = Object.entries(values)
        .filter(([, bit]) => bit !== 0 && (value & bit) === bit)
        .map(([name]) => name)
      return names.length > 0 ? names.join(', ') : undefined
    }
  }
  return undefined
}
