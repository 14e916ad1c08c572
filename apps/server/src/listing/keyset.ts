import { type SQL, sql } from 'drizzle-orm'
import { queryError } from './query-error.ts'

/**
 * One sort key: an expression, its direction and whether it can be NULL. NULL sorts as the
 * smallest value on both dialects: first ascending, last descending.
 */
export interface SortKey {
  expr: SQL
  desc: boolean
  nullable: boolean
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
  if (!key.nullable && value !== null) {
    return key.desc ? sql`${key.expr} < ${value}` : sql`${key.expr} > ${value}`
  }
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

/**
 * ORDER BY with NULL first ascending and last descending on both dialects. SQLite already sorts
 * NULL as the smallest value; PostgreSQL sorts it as the largest, so a nullable key says where
 * NULL goes, matching the sort indexes (declared NULLS FIRST there). A key that cannot be NULL
 * says nothing: PostgreSQL matches an index to an ORDER BY by its NULLS order too, and the
 * default one is what the primary key and NOT NULL columns are indexed with.
 */
export function orderClause(keys: SortKey[], dialect: 'sqlite' | 'pg'): SQL {
  const nulls = (key: SortKey) =>
    dialect === 'pg' && key.nullable ? sql.raw(key.desc ? ' nulls last' : ' nulls first') : sql``
  return sql.join(
    keys.map((k) => sql`${k.expr}${sql.raw(k.desc ? ' desc' : ' asc')}${nulls(k)}`),
    sql`, `
  )
}
