import type { Db } from './store.ts'

type Statement = { execute(values?: Record<string, unknown>): unknown }

const caches = new WeakMap<object, Map<string, Statement>>()

/**
 * A statement built and prepared once per connection (or transaction) and reused: building a
 * Drizzle query and preparing it costs far more than running it (see docs/decisions.md).
 * `key` must identify the query text; it also names the PostgreSQL prepared statement.
 * @example const byId = prepared(db, 'ticket.byId', (d) => d.select().from(t).where(eq(t.id, sql.placeholder('id'))))
 */
export function prepared<S extends { prepare(name?: string): Statement }>(
  db: Db,
  key: string,
  build: (db: Db) => S
): ReturnType<S['prepare']> {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  let statement = cache.get(key)
  if (!statement) {
    // SQLite's prepare takes no name; PostgreSQL's takes the statement name.
    statement = (build(db).prepare as (name?: string) => Statement)(key.replace(/\W/g, '_'))
    cache.set(key, statement)
  }
  return statement as ReturnType<S['prepare']>
}
