import type { ChangeFeed } from './change-feed.ts'
import type { Db, PgDb, SqliteDb } from './db.ts'

/** What every store offers, whichever dialect it speaks. */
interface SharedStore {
  readonly db: Db
  /**
   * For reads outside a transaction that must see only committed data. On an SQLite file it is
   * a second, read-only connection: the writer connection is shared by every request, so a read
   * there could see another request's transaction half done. Elsewhere it is `db`.
   */
  readonly reader: Db
  /** Runs `fn` in one transaction; a throw rolls everything back. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>
  /**
   * How many transactions this process has ended (committed or rolled back), where no other
   * process writes the database (one process owns an SQLite file); undefined where others do
   * (PostgreSQL). A row read after the count last moved reads the same until it moves again.
   */
  transactionsEnded(): number | undefined
  /** Tells every process on this database what changed (caches, live streams). */
  readonly changes: ChangeFeed
  /**
   * Runs `fn` while no other process on the database runs one under the same name (a
   * PostgreSQL advisory lock; on SQLite the file has one process, so it just runs).
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>
  ping(): Promise<void>
  close(): Promise<void>
}

export interface SqliteStore extends SharedStore {
  readonly dialect: 'sqlite'
  /** The same connections as `db` and `reader`, typed as SQLite's own: SQLite-only calls. */
  readonly native: { readonly db: SqliteDb; readonly reader: SqliteDb }
}

export interface PgStore extends SharedStore {
  readonly dialect: 'pg'
  /** The same pool as `db`, typed as PostgreSQL's own: PostgreSQL-only calls. */
  readonly native: { readonly db: PgDb }
}

/**
 * The database. Code that needs one dialect's own calls branches on `dialect`, which narrows
 * `native` to that dialect's handle; the rest uses `db` and `reader`.
 */
export type Store = SqliteStore | PgStore
