import { deepFreeze } from '../deep-freeze.ts'

/**
 * Objects every answer may share and nobody changes (frozen all the way down): the carriers the
 * catalog holds and the caller's FieldProperties. Their JSON is made once, on first use, and put
 * into every answer that holds them (an answer ending with one is built once into XML too).
 */
const shared = new WeakSet<object>()
/** The JSON text of a shared object, made once, keyed by the object itself. */
const texts = new WeakMap<object, string>()
/** The UTF-8 bytes of a shared object's JSON, for one that ends an answer (the rights). */
const sharedBytes = new WeakMap<object, Buffer>()

const isShared = (value: unknown): value is object =>
  value !== null && typeof value === 'object' && shared.has(value)

/**
 * The last property of an answer when it holds an object shared by answers (the caller's
 * FieldProperties, the same in every answer), as a plain writable data property: in XML, the
 * part of the answer that is built once and copied in.
 */
export function sharedTail(value: unknown): { key: string; value: object } | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return undefined
  }
  const keys = Object.keys(value)
  const key = keys[keys.length - 1]
  const slot = key === undefined ? undefined : Object.getOwnPropertyDescriptor(value, key)
  const tail: unknown = slot?.writable ? slot.value : undefined
  return key !== undefined && isShared(tail) ? { key, value: tail } : undefined
}

/**
 * Marks `value` as shared by answers: it is frozen all the way down, so its JSON text, made the
 * first time an answer holds it, stays right for as long as it lives.
 */
export function withSharedJson<T extends object>(value: T): T {
  deepFreeze(value)
  shared.add(value)
  return value
}

function textOf(value: object): string {
  let text = texts.get(value)
  if (text === undefined) {
    text = JSON.stringify(value)
    texts.set(value, text)
  }
  return text
}

function bytesOf(value: object): Buffer {
  let bytes = sharedBytes.get(value)
  if (bytes === undefined) {
    bytes = Buffer.from(textOf(value), 'utf8')
    sharedBytes.set(value, bytes)
  }
  return bytes
}

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
  // Names and values listed together (the same order): reading each value by its name is one
  // site that sees every property's name, which V8 answers slowly (a ticket has sixty).
  const names = Object.keys(object)
  const values = Object.values(object)
  let keys: string[] | undefined
  for (let i = 0; i < names.length; i++) {
    const key = names[i] as string
    if (isSpliced(values[i]) && Object.getOwnPropertyDescriptor(object, key)?.writable) {
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

/**
 * The head with each marker replaced by its property's JSON. The texts are joined as strings
 * (cheap: V8 links them); an answer whose last property is a shared object (the rights, more
 * than half of a ticket's answer) becomes bytes with that object's bytes copied in, so the
 * largest part is never encoded again.
 */
function splice(head: string, held: readonly object[]): string | Uint8Array<ArrayBuffer> {
  let text = ''
  let from = 0
  const last = held.length - 1
  for (let slot = 0; slot <= last; slot++) {
    const marker = markerText(slot)
    const at = head.indexOf(marker, from)
    text += head.slice(from, at)
    from = at + marker.length
    const value = held[slot] as object
    if (slot === last && !Array.isArray(value)) {
      return withTail(text, bytesOf(value), head.slice(from))
    }
    text += Array.isArray(value) ? `[${value.map(textOf).join(',')}]` : textOf(value)
  }
  return text + head.slice(from)
}

/** `before`, `tail` and `after` as one buffer of UTF-8 bytes. */
function withTail(before: string, tail: Buffer, after: string): Uint8Array<ArrayBuffer> {
  const start = Buffer.byteLength(before)
  const end = start + tail.length
  // Its own memory, not a slice of the shared pool that a kept answer would hold on to.
  const bytes = Buffer.allocUnsafeSlow(end + Buffer.byteLength(after))
  bytes.write(before, 0, 'utf8')
  tail.copy(bytes, start)
  bytes.write(after, end, 'utf8')
  return bytes as Uint8Array<ArrayBuffer>
}

const hasToJson = (value: unknown) =>
  value !== null && typeof value === 'object' && 'toJSON' in value
