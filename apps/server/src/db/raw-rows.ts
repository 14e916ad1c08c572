import type { SQL } from 'drizzle-orm'
import type { Db, Store } from './store.ts'

/**
 * Runs a hand-built `sql` query (every value a bound parameter) on either dialect and returns
 * its rows as objects keyed by the selected aliases.
 */
export async function rawRows(
  dialect: Store['dialect'],
  db: Db,
  query: SQL
): Promise<Record<string, unknown>[]> {
  if (dialect === 'sqlite') {
    return db.all<Record<string, unknown>>(query)
  }
  // The PostgreSQL database is typed as the SQLite one (see Db); its execute returns pg's result.
  const pgDb = db as unknown as { execute(q: SQL): Promise<{ rows: Record<string, unknown>[] }> }
  return (await pgDb.execute(query)).rows
}
