import type { Database as SqliteConnection } from 'better-sqlite3'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Pool } from 'pg'
import type * as pgTables from './schema.pg.gen.ts'
import type * as sqliteTables from './schema.sqlite.gen.ts'

/**
 * The table set queries are typed against. Both dialects' tables are generated from one schema
 * with the same names, column keys and JS value types (proved by `dialect-twins.test-d.ts`), so
 * one type describes both; `tablesOf(db)` hands out the objects of the dialect `db` speaks.
 */
export type Tables = typeof sqliteTables

/** SQLite's own database, for SQLite-only calls behind `store.dialect === 'sqlite'`. */
export type SqliteDb = BetterSQLite3Database<typeof sqliteTables> & {
  $client: SqliteConnection
}

/** PostgreSQL's own database, for PostgreSQL-only calls behind `store.dialect === 'pg'`. */
export type PgDb = NodePgDatabase<typeof pgTables> & { $client: Pool }

/** A `Db` a PostgreSQL store handed out (its pool or one of its transactions), as PostgreSQL's own. */
export const asPgExecutor = (db: Db) => db as unknown as Pick<PgDb, 'execute'>

/**
 * The query builders every database and transaction of both dialects has, under the same names
 * and with the same arguments. `dialect-seam.test-d.ts` checks that each dialect has them.
 * Transactions go through `store.transaction`, raw SQL through `rawRows`.
 */
export type SharedQueryBuilders =
  | 'select'
  | 'selectDistinct'
  | 'insert'
  | 'update'
  | 'delete'
  | '$count'

/**
 * A database or transaction of either dialect: only the shared builders. Queries are typed once
 * with SQLite's builder types, which PostgreSQL's mirror call for call (see docs/decisions.md,
 * "The dialect seam"); a dialect's own calls (`run`, `all`, `execute`, `$client`, …) do not
 * compile against a `Db` and need the store's dialect handle (`store.native`).
 */
export type Db = Pick<SqliteDb, SharedQueryBuilders>

/** Any table or column as queries type it (SQLite's builder types, like `Db`). */
export type QueryTable = SQLiteTable
export type QueryColumn = SQLiteColumn
