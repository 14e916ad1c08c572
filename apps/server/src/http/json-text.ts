/** The JSON text of objects that never change, computed once, keyed by the object itself. */
const texts = new WeakMap<object, string>()
/**
 * For a remembered object, the end of every answer that ends with it: `"key":text}` as UTF-8,
 * encoded once instead of once per answer. An object ends answers under one property name
 * (FieldProperties); another name replaces the kept ending.
 */
const endings = new WeakMap<object, { key: string; bytes: Buffer }>()

function deepFreeze(value: unknown): void {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) {
      deepFreeze(child)
    }
  }
}

/**
 * Freezes `value` all the way down and remembers its JSON text: an answer that ends with it
 * (the caller's FieldProperties, the same object for every answer to callers with the same
 * rights) gets it copied in, encoded, by {@link answerJson} instead of stringifying it again.
 */
export function withFixedJson<T extends object>(value: T): T {
  deepFreeze(value)
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
 * Exactly `JSON.stringify(value)`, as text or as its UTF-8 bytes. It is cheaper when the
 * object's last property holds an object registered with {@link withFixedJson}: the rest is
 * stringified and the remembered bytes of that property are copied after it. The answer is then
 * bytes, so the socket gets them as they are: as text it would first be joined into one string
 * and then encoded again, a copy of the whole answer each time.
 */
export function answerJson(value: unknown): string | Uint8Array<ArrayBuffer> {
  // A value with its own toJSON decides its text itself.
  const fixed = hasToJson(value) ? undefined : fixedTail(value)
  if (fixed === undefined) {
    return JSON.stringify(value)
  }
  const object = value as Record<string, unknown>
  // An undefined property is left out and the key order stays: the text of everything before
  // the last property, then the last property's remembered bytes.
  object[fixed.key] = undefined
  let head: string
  try {
    head = JSON.stringify(object)
  } finally {
    object[fixed.key] = fixed.value
  }
  const ending = endingOf(fixed)
  // The head's closing brace becomes the comma before the last property, or goes when the head
  // is empty (`{}`).
  const headBytes = Buffer.byteLength(head)
  const at = head === '{}' ? headBytes - 1 : headBytes
  // Its own memory, not a slice of the shared pool that a kept answer would hold on to.
  const bytes = Buffer.allocUnsafeSlow(at + ending.length)
  bytes.write(head, 0, 'utf8')
  if (at === headBytes) {
    bytes[at - 1] = comma
  }
  ending.copy(bytes, at)
  return bytes as Uint8Array<ArrayBuffer>
}

const hasToJson = (value: unknown) =>
  value !== null && typeof value === 'object' && 'toJSON' in value

const comma = 0x2c

/** `"key":text}` of a fixed tail, as UTF-8 (`fixedTail` found its text remembered). */
function endingOf({ key, value }: { key: string; value: object }): Buffer {
  const kept = endings.get(value)
  if (kept?.key === key) {
    return kept.bytes
  }
  const bytes = Buffer.from(`${JSON.stringify(key)}:${texts.get(value)}}`, 'utf8')
  endings.set(value, { key, bytes })
  return bytes
}
