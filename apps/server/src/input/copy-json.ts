/**
 * A deep copy of a JSON value (objects, arrays, strings, numbers, booleans, null), as
 * `structuredClone` would make it. `structuredClone` serialises through a native buffer on each
 * call; under a stream of patches of a large ticket those buffers held the server's memory far
 * above its working set, where this copy stays on the JavaScript heap.
 */
export function copyJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') {
    return value
  }
  if (Array.isArray(value)) {
    return value.map(copyJson) as T
  }
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const item = copyJson((value as Record<string, unknown>)[key])
    if (key === '__proto__') {
      // An own property of that name, as JSON.parse makes it, never the prototype.
      Object.defineProperty(out, key, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    } else {
      out[key] = item
    }
  }
  return out as T
}
