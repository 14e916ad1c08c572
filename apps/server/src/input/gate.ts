import type { TSchema } from '@sinclair/typebox'
import { isArraySchema, isObjectSchema, propertyLookup, withoutNull } from '@ticket/schema'
import type { FieldError } from '../http/api-error.ts'

/** The limits every request body meets, whatever its format, unknown properties included. */
export const inputLimits = {
  maxArrayItems: 1000,
  maxDepth: 32,
  maxStringLength: 100_000,
  maxNameLength: 1000,
}

/** Gate problems that stop a body before it is parsed; the others are reported with the parser's. */
export const structuralGateCodes = new Set(['too_deep', 'too_many_items', 'forbidden_name'])

/** Names that reach an object's prototype when assigned: refused anywhere in a body. */
export const forbiddenNames = new Set(['__proto__', 'constructor', 'prototype'])

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/** The body's text, or undefined when its bytes are not UTF-8 (overlong forms, surrogates…). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * A form body's percent-encoded keys and values that do not decode to UTF-8. URLSearchParams
 * would replace such bytes with U+FFFD and the stored text would differ from what was sent.
 */
export function badFormEncoding(body: string): string[] {
  const bad: string[] = []
  for (const pair of body.split('&')) {
    for (const part of pair.split('=')) {
      try {
        decodeURIComponent(part.replaceAll('+', ' '))
      } catch {
        bad.push(part.slice(0, 40))
      }
    }
  }
  return bad
}

// Lone surrogates and NUL cannot be stored faithfully or sent back as valid UTF-8.
export const hasUnsafeText = (text: string) => text.includes('\u0000') || !text.isWellFormed()

// RFC 6901: `~` and `/` inside a name are escaped in a JSON pointer.
export const pointerToken = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1')

interface Pending {
  value: unknown
  schema: TSchema | undefined
  /** Where the value sits: its parent and its name or index there (the root has neither). */
  parent: Pending | undefined
  token: string | number
  depth: number
}

/** The JSON pointer of a pending value, built only when a problem is reported there. */
function pointerOf(at: Pending): string {
  let path = ''
  for (let node: Pending | undefined = at; node?.parent; node = node.parent) {
    path = `/${typeof node.token === 'number' ? node.token : pointerToken(node.token)}${path}`
  }
  return path
}

/**
 * The one gate every parsed body passes before anything else reads it: depth, array length and
 * string length are limited and prototype names refused everywhere, unknown properties included;
 * text must be storable as sent. It walks with an explicit stack, so no nesting can overflow the
 * call stack, and it stops descending where a limit is hit. Pointers use the schema's spelling
 * of a name when the schema knows it (`/OwnedBy/AssociateId` for `ownedby.associateid`).
 */
export function inspectBody(root: unknown, schema: TSchema | undefined): FieldError[] {
  const errors: FieldError[] = []
  const stack: Pending[] = [{ value: root, schema, parent: undefined, token: '', depth: 0 }]
  while (stack.length > 0 && errors.length < 100) {
    const pending = stack.pop() as Pending
    const { value, schema: at, depth } = pending
    const target = at ? withoutNull(at) : undefined
    if (typeof value === 'string') {
      checkText(value, pending, errors)
      continue
    }
    if (value === null || typeof value !== 'object') {
      continue
    }
    if (depth >= inputLimits.maxDepth) {
      errors.push({
        path: pointerOf(pending),
        message: `nesting deeper than ${inputLimits.maxDepth} levels`,
        code: 'too_deep',
      })
      continue
    }
    if (Array.isArray(value)) {
      if (value.length > inputLimits.maxArrayItems) {
        errors.push({
          path: pointerOf(pending),
          message: `more than ${inputLimits.maxArrayItems} items`,
          code: 'too_many_items',
        })
        continue
      }
      const items = target && isArraySchema(target) ? (target.items as TSchema) : undefined
      for (let i = value.length - 1; i >= 0; i--) {
        if (mayFail(value[i])) {
          stack.push({
            value: value[i],
            schema: items,
            parent: pending,
            token: i,
            depth: depth + 1,
          })
        }
      }
      continue
    }
    const lookup = target && isObjectSchema(target) ? propertyLookup(target) : undefined
    const properties = (target?.properties ?? {}) as Record<string, TSchema>
    const object = value as Record<string, unknown>
    const keys = Object.keys(object)
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string
      const lower = key.toLowerCase()
      const name = lookup?.get(lower)
      if (forbiddenNames.has(lower)) {
        errors.push({
          path: `${pointerOf(pending)}/${pointerToken(name ?? key)}`,
          message: 'is not an allowed name',
          code: 'forbidden_name',
        })
        continue
      }
      if (hasUnsafeText(key) || key.length > inputLimits.maxNameLength) {
        errors.push({
          path: pointerOf(pending),
          message: 'a property name is not storable text',
          code: 'invalid_text',
        })
        continue
      }
      // Read only now: `object.__proto__` would be the prototype, not the body's own property.
      const child = object[key]
      if (!mayFail(child)) {
        continue
      }
      stack.push({
        value: child,
        schema: name ? properties[name] : undefined,
        parent: pending,
        token: name ?? key,
        depth: depth + 1,
      })
    }
  }
  return errors
}

const badText = (value: string) =>
  value.length > inputLimits.maxStringLength || hasUnsafeText(value)

/**
 * Whether a value can add a problem when visited: containers always can, a string only when it
 * is too long or not storable, other values never. The rest are not visited at all; that keeps
 * the order of the problems reported, since a skipped value would have reported none.
 */
const mayFail = (value: unknown) =>
  typeof value === 'object' ? value !== null : typeof value === 'string' && badText(value)

function checkText(value: string, at: Pending, errors: FieldError[]) {
  if (value.length > inputLimits.maxStringLength) {
    errors.push({
      path: pointerOf(at),
      message: `longer than ${inputLimits.maxStringLength} characters`,
      code: 'too_long',
    })
  } else if (hasUnsafeText(value)) {
    errors.push({
      path: pointerOf(at),
      message: 'text contains NUL or an unpaired surrogate',
      code: 'invalid_text',
    })
  }
}

/** JSON Patch `path`/`from` pointers that name a prototype property. */
export function forbiddenPointers(patch: unknown): FieldError[] {
  if (!Array.isArray(patch)) {
    return []
  }
  const errors: FieldError[] = []
  patch.forEach((op, i) => {
    for (const field of ['path', 'from'] as const) {
      const pointer = (op as Record<string, unknown> | null)?.[field]
      if (typeof pointer !== 'string') {
        continue
      }
      const tokens = pointer.split('/').map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'))
      if (tokens.some((t) => forbiddenNames.has(t.toLowerCase()))) {
        errors.push({
          path: `/${i}/${field}`,
          message: 'names a forbidden property',
          code: 'forbidden_name',
        })
      }
    }
  })
  return errors
}

/**
 * The deepest element nesting of an XML text, by a linear scan (comments, CDATA, declarations
 * and self-closing tags skipped), so a hostile depth is refused before a parser recurses into it.
 */
export function xmlDepth(text: string): number {
  let depth = 0
  let deepest = 0
  let i = text.indexOf('<')
  while (i !== -1) {
    if (text.startsWith('<!--', i)) {
      i = text.indexOf('-->', i + 4)
    } else if (text.startsWith('<![CDATA[', i)) {
      i = text.indexOf(']]>', i + 9)
    } else if (text[i + 1] === '?' || text[i + 1] === '!') {
      i = text.indexOf('>', i + 2)
    } else if (text[i + 1] === '/') {
      depth--
      i = text.indexOf('>', i + 2)
    } else {
      const end = text.indexOf('>', i + 1)
      if (end === -1) {
        break
      }
      if (text[end - 1] !== '/') {
        depth++
        deepest = Math.max(deepest, depth)
      }
      i = end
    }
    if (i === -1) {
      break
    }
    i = text.indexOf('<', i + 1)
  }
  return deepest
}
