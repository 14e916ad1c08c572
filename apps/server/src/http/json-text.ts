/** The JSON text of objects that never change, computed once, keyed by the object itself. */
const texts = new WeakMap<object, string>()

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
 * rights) gets that text spliced in by {@link stringifyAnswer} instead of stringifying it again.
 */
export function withFixedJson<T extends object>(value: T): T {
  deepFreeze(value)
  texts.set(value, JSON.stringify(value))
  return value
}

/**
 * Exactly `JSON.stringify(value)`, cheaper when the object's last property holds an object
 * registered with {@link withFixedJson}: the rest is stringified and that property's remembered
 * text appended.
 */
export function stringifyAnswer(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || 'toJSON' in value) {
    return JSON.stringify(value)
  }
  const object = value as Record<string, unknown>
  const keys = Object.keys(object)
  const last = keys[keys.length - 1]
  const slot = last === undefined ? undefined : Object.getOwnPropertyDescriptor(object, last)
  // Only a plain, writable data property can be set aside for a moment.
  const tail: unknown = slot?.writable ? slot.value : undefined
  const text = tail !== null && typeof tail === 'object' ? texts.get(tail) : undefined
  if (last === undefined || text === undefined) {
    return JSON.stringify(value)
  }
  // An undefined property is left out and the key order stays: the text of everything before
  // the last property, then the last property's remembered text.
  object[last] = undefined
  let head: string
  try {
    head = JSON.stringify(object)
  } finally {
    object[last] = tail
  }
  const property = `${JSON.stringify(last)}:${text}}`
  return head === '{}' ? `{${property}` : `${head.slice(0, -1)},${property}`
}
