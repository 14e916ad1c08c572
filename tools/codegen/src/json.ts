/** Plain JSON values: what the generators emit once TypeBox's symbols are gone. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject

export interface JsonObject {
  [key: string]: JsonValue
}

/** A JSON Schema (or OpenAPI Schema Object) as plain data. */
export type JsonSchema = JsonObject

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Deep copy to plain JSON. `Object.keys` skips symbol keys, which is how TypeBox's `Kind`,
 * `Hint` and `OptionalKind` markers disappear; `undefined` entries are dropped like
 * `JSON.stringify` would.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return value
  }
  if (typeof value === 'number') {
    return value
  }
  if (Array.isArray(value)) {
    return value.map(toJsonValue)
  }
  if (isRecord(value)) {
    const out: JsonObject = {}
    for (const key of Object.keys(value)) {
      if (value[key] !== undefined) {
        out[key] = toJsonValue(value[key])
      }
    }
    return out
  }
  throw new Error(`not representable as JSON: ${String(value)}`)
}
