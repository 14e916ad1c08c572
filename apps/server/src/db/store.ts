import { parseDatabaseUrl } from './database-url.ts'
import { openPgStore } from './pg-store.ts'
import { openSqliteStore } from './sqlite-store.ts'
import type { Store } from './store-types.ts'

export type { Db, Tables } from './db.ts'
export type { PgStore, SqliteStore, Store } from './store-types.ts'

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
    ? openPgStore(location.url, onConnectionError, options.poolSize ?? 10)
    : openSqliteStore(location)
}
