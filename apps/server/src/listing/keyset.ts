import { type SQL, sql } from 'drizzle-orm'
import { queryError } from './query-error.ts'

/** One sort key: an expression and its direction. NULL sorts before every value. */
export interface SortKey {
  expr: SQL
  desc: boolean
}

export type KeyValue = string | number | null

/** `$skiptoken` is the last row's sort values, so the next page starts right after it. */
export const encodeToken = (values: KeyValue[]) =>
  Buffer.from(JSON.stringify(values)).toString('base64url')

export function decodeToken(token: string, keys: number): KeyValue[] {
  let values: unknown
  try {
    values = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    values = undefined
  }
  const valid =
    Array.isArray(values) &&
    values.length === keys &&
    values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
  if (!valid) {
    throw queryError('$skiptoken', 'not a token from odata.nextLink of this query', 'invalid')
  }
  return values as KeyValue[]
}

const equal = (key: SortKey, value: KeyValue) =>
  value === null ? sql`${key.expr} is null` : sql`${key.expr} = ${value}`

/** Rows strictly after `value` in this key's order (NULL first ascending, last descending). */
function after(key: SortKey, value: KeyValue): SQL {
  if (key.desc) {
    return value === null ? sql`1 = 0` : sql`(${key.expr} < ${value} or ${key.expr} is null)`
  }
  return value === null ? sql`${key.expr} is not null` : sql`${key.expr} > ${value}`
}

/**
 * The keyset condition "after the row with these sort values": (k1 > v1) or (k1 = v1 and
 * k2 > v2) or …. Rows inserted meanwhile land before or after it, never shift a page.
 */
export function afterRow(keys: SortKey[], values: KeyValue[]): SQL {
  const branches = keys.map((key, i) => {
    const prefix = keys.slice(0, i).map((k, j) => equal(k, values[j] ?? null))
    return sql.join([...prefix, after(key, values[i] ?? null)], sql` and `)
  })
  return sql`(${sql.join(branches, sql` or `)})`
}

/** ORDER BY with NULL first ascending and last descending on both dialects. */
export function orderClause(keys: SortKey[], dialect: 'sqlite' | 'pg'): SQL {
  // SQLite already sorts NULL as the smallest value; PostgreSQL sorts it as the largest.
  const nulls = (desc: boolean) =>
    dialect === 'pg' ? sql.raw(desc ? ' nulls last' : ' nulls first') : sql``
  return sql.join(
    keys.map((k) => sql`${k.expr}${sql.raw(k.desc ? ' desc' : ' asc')}${nulls(k.desc)}`),
    sql`, `
  )
}
