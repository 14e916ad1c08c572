import { type Placeholder, sql } from 'drizzle-orm'

/**
 * One placeholder per key, named after it: the values of a statement prepared once and then
 * run with `execute(values)`. Each column's encoder still applies (JSON, booleans).
 * @example db.insert(t).values(placeholdersFor(['title', 'revision']))
 */
export function placeholdersFor<K extends string>(keys: readonly K[]): Record<K, Placeholder<K>> {
  return Object.fromEntries(keys.map((key) => [key, sql.placeholder(key)])) as Record<
    K,
    Placeholder<K>
  >
}

const shapes = new Map<string, string>()
/** Per base name, the last shape asked for: a hot statement is asked with the same keys each time. */
const lastShape = new Map<string, { keys: readonly string[]; key: string }>()

const sameKeys = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((key, i) => key === b[i])

/**
 * A short, stable name for one shape of a statement (its base name and the columns it writes),
 * for `prepared`: a PostgreSQL statement name has at most 63 bytes, a column list has more.
 * @example shapeKey('tickets.insert', Object.keys(values)) // 'tickets.insert.0'
 */
export function shapeKey(base: string, keys: readonly string[]): string {
  const last = lastShape.get(base)
  if (last && sameKeys(last.keys, keys)) {
    return last.key
  }
  const signature = `${base}(${keys.join(',')})`
  let key = shapes.get(signature)
  if (!key) {
    key = `${base}.${shapes.size}`
    shapes.set(signature, key)
  }
  lastShape.set(base, { keys: [...keys], key })
  return key
}
