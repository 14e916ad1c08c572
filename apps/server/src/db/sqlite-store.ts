import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { createLocalChangeFeed } from './change-feed.ts'
import type { DatabaseLocation } from './database-url.ts'
import { migrationsRoot } from './migrations-root.ts'
import * as sqliteTables from './schema.sqlite.gen.ts'
import { SqliteGroupCommit } from './sqlite-group-commit.ts'
import type { SqliteStore } from './store-types.ts'
import { fallbackCheckpointPages, startWalCheckpoints } from './wal-checkpoints.ts'

/**
 * Each connection's page cache, in KiB (SQLite's `cache_size` takes KiB when negative). The
 * build of SQLite in use defaults to 16 MiB per connection: under load the writer and the reader
 * filled theirs, 32 MiB or more of the server's memory. With 4 MiB a create and a read by id cost
 * the same CPU in alternating runs: pages the cache drops are one read away in the operating
 * system's file cache.
 */
export const pageCacheKiB = 4096

/** Opens (creating it and its folder if needed) and migrates an SQLite file or `:memory:`. */
export function openSqliteStore(
  location: Extract<DatabaseLocation, { dialect: 'sqlite' }>
): SqliteStore {
  if (location.path !== ':memory:') {
    mkdirSync(dirname(resolve(location.path)), { recursive: true })
  }
  const connection = new BetterSqlite3(location.path)
  connection.pragma('journal_mode = WAL')
  connection.pragma('synchronous = NORMAL')
  connection.pragma('foreign_keys = ON')
  connection.pragma('busy_timeout = 5000')
  connection.pragma(`cache_size = -${pageCacheKiB}`)
  // A ticket INSERT touches more pages (the table, its indexes, the full-text index) than the
  // statement journal keeps in memory, so every save spilled it to a temporary file: writes
  // and syscalls per save that are never read back unless the statement fails. Only the writer
  // connection: the reader, which runs the large sorts, keeps its temporary data on disk.
  connection.pragma('temp_store = MEMORY')
  const onDisk = location.path !== ':memory:'
  if (onDisk) {
    connection.pragma(`wal_autocheckpoint = ${fallbackCheckpointPages}`)
  }
  const db = drizzle(connection, { schema: sqliteTables })
  migrate(db, { migrationsFolder: resolve(migrationsRoot, 'sqlite') })
  const writes = new SqliteGroupCommit(connection)
  const readConnection =
    location.path === ':memory:'
      ? undefined
      : new BetterSqlite3(location.path, { readonly: true, fileMustExist: true })
  readConnection?.pragma('busy_timeout = 5000')
  readConnection?.pragma(`cache_size = -${pageCacheKiB}`)
  const reader = readConnection ? drizzle(readConnection, { schema: sqliteTables }) : db
  const stopCheckpoints = onDisk ? startWalCheckpoints(location.path) : async () => {}
  return {
    dialect: 'sqlite',
    db,
    reader,
    native: { db, reader },
    changes: createLocalChangeFeed(),
    exclusive: (_name, fn) => fn(),
    // One writer connection serves every request: transactions take turns on it, and those
    // that arrive together share one COMMIT.
    transaction: (fn) => writes.run(() => fn(db)),
    transactionsEnded: () => writes.ended,
    ping: async () => {
      connection.prepare('select 1').get()
    },
    close: async () => {
      await writes.idle()
      await stopCheckpoints()
      readConnection?.close()
      connection.close()
    },
  }
}
