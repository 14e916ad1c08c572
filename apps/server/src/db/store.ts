import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3'
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator'
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import { serverRoot } from '../server-root.ts'
import { type ChangeFeed, createLocalChangeFeed, createPgChangeFeed } from './change-feed.ts'
import { type DatabaseLocation, parseDatabaseUrl } from './database-url.ts'
import type { Db, Tables } from './db.ts'
import { Mutex } from './mutex.ts'
import * as pgTables from './schema.pg.gen.ts'
import * as sqliteTables from './schema.sqlite.gen.ts'
import { fallbackCheckpointPages, startWalCheckpoints } from './wal-checkpoints.ts'

export type { Db, Tables } from './db.ts'

export interface Store {
  readonly dialect: 'sqlite' | 'pg'
  readonly db: Db
  /**
   * For reads outside a transaction that must see only committed data. On an SQLite file it is
   * a second, read-only connection: the writer connection is shared by every request, so a read
   * there could see another request's transaction half done. Elsewhere it is `db`.
   */
  readonly reader: Db
  readonly tables: Tables
  /** Runs `fn` in one transaction; a throw rolls everything back. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>
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

const migrationsRoot = join(serverRoot, 'drizzle')

/**
 * Opens the database named by DATABASE_URL and applies pending migrations. `onConnectionError`
 * hears about PostgreSQL connections that die while idle (a database restart): unhandled, they
 * would crash the process.
 */
export async function openStore(
  url: string,
  onConnectionError: (error: Error) => void = () => {},
  options: { poolSize?: number } = {}
): Promise<Store> {
  const location = parseDatabaseUrl(url)
  return location.dialect === 'pg'
    ? openPg(location.url, onConnectionError, options.poolSize ?? 10)
    : openSqlite(location)
}

function openSqlite(location: Extract<DatabaseLocation, { dialect: 'sqlite' }>): Store {
  if (location.path !== ':memory:') {
    mkdirSync(dirname(resolve(location.path)), { recursive: true })
  }
  const connection = new BetterSqlite3(location.path)
  connection.pragma('journal_mode = WAL')
  connection.pragma('synchronous = NORMAL')
  connection.pragma('foreign_keys = ON')
  connection.pragma('busy_timeout = 5000')
  const onDisk = location.path !== ':memory:'
  if (onDisk) {
    connection.pragma(`wal_autocheckpoint = ${fallbackCheckpointPages}`)
  }
  const db = drizzleSqlite(connection, { schema: sqliteTables })
  migrateSqlite(db, { migrationsFolder: resolve(migrationsRoot, 'sqlite') })
  const writes = new Mutex()
  const readConnection =
    location.path === ':memory:'
      ? undefined
      : new BetterSqlite3(location.path, { readonly: true, fileMustExist: true })
  readConnection?.pragma('busy_timeout = 5000')
  const reader = readConnection ? drizzleSqlite(readConnection, { schema: sqliteTables }) : db
  const stopCheckpoints = onDisk ? startWalCheckpoints(location.path) : async () => {}
  return {
    dialect: 'sqlite',
    db,
    reader,
    tables: sqliteTables,
    changes: createLocalChangeFeed(),
    exclusive: (_name, fn) => fn(),
    transaction: (fn) =>
      writes.run(async () => {
        connection.exec('BEGIN IMMEDIATE')
        try {
          const result = await fn(db)
          connection.exec('COMMIT')
          return result
        } catch (error) {
          connection.exec('ROLLBACK')
          throw error
        }
      }),
    ping: async () => {
      connection.prepare('select 1').get()
    },
    close: async () => {
      await stopCheckpoints()
      readConnection?.close()
      connection.close()
    },
  }
}

async function openPg(
  url: string,
  onConnectionError: (error: Error) => void,
  poolSize: number
): Promise<Store> {
  // Besides the pool, each process holds one listening connection (the change feed).
  const pool = new pg.Pool({ connectionString: url, max: poolSize })
  pool.on('error', onConnectionError)
  const pgDb = drizzlePg(pool, { schema: pgTables })
  try {
    await underAdvisoryLock(pool, 'migrations', () =>
      migratePg(pgDb, { migrationsFolder: resolve(migrationsRoot, 'pg') })
    )
  } catch (error) {
    await pool.end()
    throw error
  }
  const changes = await createPgChangeFeed(url, {
    notify: async (channel, payload, tx) => {
      const on = (tx as unknown as NodePgDatabase | undefined) ?? pgDb
      await on.execute(sql`select pg_notify(${channel}, ${payload})`)
    },
    onError: onConnectionError,
  }).catch(async (error) => {
    await pool.end()
    throw error
  })
  // Same builder API, same table and column keys: see the Db type above.
  const db = pgDb as unknown as Db
  return {
    dialect: 'pg',
    db,
    reader: db,
    tables: pgTables as unknown as Tables,
    changes,
    exclusive: (name, fn) => underAdvisoryLock(pool, name, fn),
    transaction: (fn) => pgDb.transaction((tx) => fn(tx as unknown as Db)),
    ping: async () => {
      await pgDb.execute(sql`select 1`)
    },
    close: async () => {
      await changes.close()
      await pool.end()
    },
  }
}

/**
 * Runs `fn` holding a session-level advisory lock named `ticket:<name>` on a connection of its
 * own. Several processes may start together on one database: the first to take the lock
 * migrates (or seeds), the others wait for it and then find nothing left to do.
 */
async function underAdvisoryLock<T>(pool: pg.Pool, name: string, fn: () => Promise<T>): Promise<T> {
  const client = await pool.connect()
  const key = `ticket:${name}`
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [key])
    try {
      return await fn()
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [key])
    }
  } finally {
    client.release()
  }
}
