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
 * A one-row statement writing `values`: the shape's name for `prepared` (base and the keys it
 * writes, by `definedKeys`) and the placeholders of those keys, built only when the statement
 * is. Run it with `values` as they are.
 * @example const shape = rowShape('tickets.update', values); prepared(tx, shape.key, (d) => d.update(t).set(shape.placeholders() as never)).execute(values)
 */
export function rowShape(base: string, values: Record<string, unknown>) {
  const keys = definedKeys(values)
  return { key: shapeKey(base, keys), placeholders: () => placeholdersFor(keys) }
}

/**
 * A multi-row statement over `rows` (all with the first row's keys): the shape's name for
 * `prepared` (base, row count and keys), the values under one name per row and key (`title$0`),
 * and the placeholders under those names, built only when the statement is.
 * @example const shape = rowsShape('tags.insert', rows); prepared(tx, shape.key, (d) => d.insert(t).values(shape.placeholders() as never)).execute(shape.values)
 */
export function rowsShape(base: string, rows: readonly Record<string, unknown>[]) {
  const keys = Object.keys(rows[0] ?? {})
  const values: Record<string, unknown> = {}
  rows.forEach((row, r) => {
    for (const key of keys) {
      values[slotName(key, r)] = row[key]
    }
  })
  return {
    key: shapeKey(`${base}.${rows.length}`, keys),
    values,
    placeholders: () =>
      rows.map((_, r) =>
        Object.fromEntries(keys.map((key) => [key, sql.placeholder(slotName(key, r))]))
      ),
  }
}

/** Per column key, its slot names by row (`title$0`, `title$1`, …), each made once. */
const slotNames = new Map<string, string[]>()

/**
 * The name of `key`'s value in row `row` of a multi-row statement. Made once and kept: a name
 * joined anew for every value of every save was a new string to hash each time it keyed the
 * values.
 */
function slotName(key: string, row: number): string {
  let names = slotNames.get(key)
  if (names === undefined) {
    names = []
    slotNames.set(key, names)
  }
  let name = names[row]
  if (name === undefined) {
    name = `${key}$${row}`
    names[row] = name
  }
  return name
}

/**
 * A statement with an `IN` list of `list`'s values: the shape's name for `prepared` (base and
 * length), the values as `id$0`…, and their placeholders, built only when the statement is.
 */
export function listShape(base: string, list: readonly unknown[]) {
  const values: Record<string, unknown> = {}
  list.forEach((value, i) => {
    values[`id$${i}`] = value
  })
  return {
    key: `${base}.${list.length}`,
    values,
    placeholders: () => list.map((_, i) => sql.placeholder(`id$${i}`)),
  }
}

/**
 * The keys a statement writes: an undefined value means "leave it", as Drizzle's builders read it.
 * Keys and values are listed in the same order; reading each value by its name instead is one
 * site that sees every column's name, which V8 answers slowly (a ticket row has sixty).
 */
export function definedKeys(values: Record<string, unknown>): string[] {
  const keys = Object.keys(values)
  const listed = Object.values(values)
  const defined: string[] = []
  for (let i = 0; i < keys.length; i++) {
    if (listed[i] !== undefined) {
      defined.push(keys[i] as string)
    }
  }
  return defined
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
