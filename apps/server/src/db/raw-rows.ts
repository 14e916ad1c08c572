import type { SQL } from 'drizzle-orm'
import type { Store } from './store-types.ts'

/**
 * Runs a hand-built `sql` query (every value a bound parameter) on the store's writer (`db`) or
 * committed-data reader (`reader`) and returns its rows as objects keyed by the selected aliases.
 * Each dialect runs raw SQL its own way, so this branches to the dialect's own handle.
 */
export async function rawRows(
  store: Store,
  query: SQL,
  on: 'db' | 'reader' = 'db'
): Promise<Record<string, unknown>[]> {
  if (store.dialect === 'sqlite') {
    return store.native[on].all<Record<string, unknown>>(query)
  }
  return (await store.native.db.execute<Record<string, unknown>>(query)).rows
}
