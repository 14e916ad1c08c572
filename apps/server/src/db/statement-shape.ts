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

/**
 * Placeholders for `count` rows of `keys`, the row's index after each name (`title$0`), and the
 * values of `rows` under those names: a multi-row INSERT prepared once per row count.
 * @example const { placeholders, valuesOf } = rowPlaceholders(['a', 'b'], 2)
 */
export function rowPlaceholders<K extends string>(keys: readonly K[], count: number) {
  const names = Array.from({ length: count }, (_, row) => keys.map((key) => `${key}$${row}`))
  return {
    placeholders: names.map((row) =>
      Object.fromEntries(keys.map((key, i) => [key, sql.placeholder(row[i] as string)]))
    ),
    valuesOf(rows: readonly Partial<Record<K, unknown>>[]): Record<string, unknown> {
      const values: Record<string, unknown> = {}
      rows.forEach((row, r) => {
        keys.forEach((key, i) => {
          values[(names[r] as string[])[i] as string] = row[key]
        })
      })
      return values
    },
  }
}

/** Placeholders `id$0`…`id$n-1` for a list of `count` values, and those values by name. */
export function listPlaceholders(count: number) {
  const names = Array.from({ length: count }, (_, i) => `id$${i}`)
  return {
    placeholders: names.map((name) => sql.placeholder(name)),
    valuesOf: (list: readonly unknown[]) =>
      Object.fromEntries(names.map((name, i) => [name, list[i]])),
  }
}

/** The keys a statement writes: an undefined value means "leave it", as Drizzle's builders read it. */
export const definedKeys = (values: Record<string, unknown>) =>
  Object.keys(values).filter((key) => values[key] !== undefined)

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
