import { deepFreeze } from '../deep-freeze.ts'

/** The JSON text of objects that never change, computed once, keyed by the object itself. */
const texts = new WeakMap<object, string>()

/**
 * Freezes `value` all the way down and remembers its JSON text: an answer that ends with it
 * (the caller's FieldProperties, the same object for every answer to callers with the same
 * rights) gets it copied in, encoded, by {@link answerJson} instead of stringifying it again.
 */
export function withFixedJson<T extends object>(value: T): T {
  withSharedJson(value)
  texts.set(value, JSON.stringify(value))
  return value
}

/**
 * The last property of an answer when it holds an object registered with {@link withFixedJson}
 * (the caller's FieldProperties, the same in every answer), as a plain writable data property:
 * the part of the answer that is built once and copied in, in JSON and in XML alike.
 */
export function fixedTail(value: unknown): { key: string; value: object } | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return undefined
  }
  const keys = Object.keys(value)
  const key = keys[keys.length - 1]
  const slot = key === undefined ? undefined : Object.getOwnPropertyDescriptor(value, key)
  const tail: unknown = slot?.writable ? slot.value : undefined
  return key !== undefined && tail !== null && typeof tail === 'object' && texts.has(tail)
    ? { key, value: tail }
    : undefined
}

/**
 * Objects every answer may share and nobody changes (frozen all the way down): the carriers the
 * catalog holds and the rights registered with {@link withFixedJson}. Their JSON is made once,
 * on first use, and copied into every answer that holds them.
 */
const shared = new WeakSet<object>()
const sharedBytes = new WeakMap<object, Buffer>()

/**
 * Marks `value` as shared by answers: it is frozen all the way down, so its JSON text, made the
 * first time an answer holds it, stays right for as long as it lives.
 */
export function withSharedJson<T extends object>(value: T): T {
  deepFreeze(value)
  shared.add(value)
  return value
}

function bytesOf(value: object): Buffer {
  let bytes = sharedBytes.get(value)
  if (bytes === undefined) {
    bytes = Buffer.from(texts.get(value) ?? JSON.stringify(value), 'utf8')
    sharedBytes.set(value, bytes)
  }
  return bytes
}

const isShared = (value: unknown): value is object =>
  value !== null && typeof value === 'object' && shared.has(value)

/** A top-level property whose JSON is copied in: a shared object, or a list of nothing else. */
const isSpliced = (value: unknown) =>
  isShared(value) ||
  (Array.isArray(value) && value.length > 0 && value.every((item) => isShared(item)))

// Stands in for a spliced property while the rest is stringified: `"\u0001<n>"` in the text.
// A body with any other U+0001 (or the six characters of its escape) is stringified whole.
const markerEscape = '\\u0001'
const markerOf = (slot: number) => `\u0001${slot}`
const markerText = (slot: number) => `"${markerEscape}${slot}"`

/**
 * Exactly `JSON.stringify(value)`, as text or as its UTF-8 bytes. It is cheaper when top-level
 * properties hold shared objects (a ticket's carriers, the caller's FieldProperties): the rest is
 * stringified and their remembered bytes copied in. The answer is then bytes, so the socket gets
 * them as they are: as text it would first be joined into one string and encoded again.
 */
export function answerJson(value: unknown): string | Uint8Array<ArrayBuffer> {
  // A value with its own toJSON decides its text itself.
  if (value === null || typeof value !== 'object' || Array.isArray(value) || hasToJson(value)) {
    return JSON.stringify(value)
  }
  const object = value as Record<string, unknown>
  if (Object.isFrozen(object)) {
    return JSON.stringify(value)
  }
  let keys: string[] | undefined
  for (const key in object) {
    if (isSpliced(object[key]) && Object.getOwnPropertyDescriptor(object, key)?.writable) {
      keys ??= []
      keys.push(key)
    }
  }
  if (keys === undefined) {
    return JSON.stringify(value)
  }
  const held = keys.map((key) => object[key])
  let head: string
  try {
    keys.forEach((key, slot) => {
      object[key] = markerOf(slot)
    })
    head = JSON.stringify(object)
  } finally {
    keys.forEach((key, slot) => {
      object[key] = held[slot]
    })
  }
  if (!onlyMarkers(head, keys.length)) {
    return JSON.stringify(value)
  }
  return splice(head, held as object[])
}

/** Whether the text holds the escape of U+0001 exactly once per slot: each one a marker. */
function onlyMarkers(head: string, slots: number): boolean {
  let found = 0
  for (let at = head.indexOf(markerEscape); at !== -1; at = head.indexOf(markerEscape, at + 1)) {
    found += 1
  }
  return found === slots
}

/** The head with each marker replaced by its property's bytes, as one buffer. */
function splice(head: string, held: object[]): Uint8Array<ArrayBuffer> {
  const parts: (string | Buffer)[] = []
  let from = 0
  held.forEach((value, slot) => {
    const marker = markerText(slot)
    const at = head.indexOf(marker, from)
    parts.push(head.slice(from, at))
    if (Array.isArray(value)) {
      parts.push('[')
      value.forEach((item, index) => {
        if (index > 0) {
          parts.push(',')
        }
        parts.push(bytesOf(item))
      })
      parts.push(']')
    } else {
      parts.push(bytesOf(value))
    }
    from = at + marker.length
  })
  parts.push(head.slice(from))
  let length = 0
  for (const part of parts) {
    length += typeof part === 'string' ? Buffer.byteLength(part) : part.length
  }
  // Its own memory, not a slice of the shared pool that a kept answer would hold on to.
  const bytes = Buffer.allocUnsafeSlow(length)
  let at = 0
  for (const part of parts) {
    at += typeof part === 'string' ? bytes.write(part, at, 'utf8') : part.copy(bytes, at)
  }
  return bytes as Uint8Array<ArrayBuffer>
}

const hasToJson = (value: unknown) =>
  value !== null && typeof value === 'object' && 'toJSON' in value
