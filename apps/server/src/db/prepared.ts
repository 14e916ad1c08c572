import { withCompiledPg } from './compiled-pg.ts'
import { withCompiledSqlite } from './compiled-sqlite.ts'
import type { Db } from './db.ts'

type Statement = { execute(values?: Record<string, unknown>): unknown }

const caches = new WeakMap<object, Map<string, Statement>>()

/**
 * What a prepared statement is bound to: the connection under `db`. A PostgreSQL transaction is
 * a new object per save, but its connection comes back from the pool, so statements built for
 * one transaction serve every later one on that connection (and the server keeps them parsed
 * by name). SQLite hands out its one writer connection for every transaction.
 */
function connectionOf(db: Db): object {
  const client = (db as { session?: { client?: unknown } }).session?.client
  return typeof client === 'object' && client !== null ? client : db
}

/**
 * A statement built and prepared once per connection and reused: building a
 * Drizzle query and preparing it costs far more than running it (see docs/decisions.md).
 * `key` must identify the query text; it also names the PostgreSQL prepared statement.
 * @example const byId = prepared(db, 'ticket.byId', (d) => d.select().from(t).where(eq(t.id, sql.placeholder('id'))))
 */
export function prepared<S extends { prepare(name?: string): Statement }>(
  db: Db,
  key: string,
  build: (db: Db) => S
): ReturnType<S['prepare']> {
  const connection = connectionOf(db)
  let cache = caches.get(connection)
  if (!cache) {
    cache = new Map()
    caches.set(connection, cache)
  }
  let statement = cache.get(key)
  if (!statement) {
    // SQLite's prepare takes no name; PostgreSQL's takes the statement name. Each driver's
    // statement gets its parameters and row mapping worked out once (the other returns it as is).
    statement = withCompiledPg(
      withCompiledSqlite(
        (build(db).prepare as (name?: string) => Statement)(key.replace(/\W/g, '_'))
      )
    )
    cache.set(key, statement)
  }
  return statement as ReturnType<S['prepare']>
}
