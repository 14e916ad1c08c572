import { onTestFinished } from 'vitest'
import { openStore, type Store } from '../db/store.ts'
import { createTestDatabase } from './postgres.ts'

export type TestDialect = 'sqlite' | 'pg'

/** Both dialects, for `describe.each`: data access must behave the same on each. */
export const dialects: TestDialect[] = ['sqlite', 'pg']

/** A fresh, migrated store for one test: SQLite `:memory:` or a new PostgreSQL database. */
export async function openTestStore<D extends TestDialect>(
  dialect: D
): Promise<Extract<Store, { dialect: D }>> {
  return (await openFresh(dialect)) as Extract<Store, { dialect: D }>
}

async function openFresh(dialect: TestDialect): Promise<Store> {
  if (dialect === 'sqlite') {
    const store = await openStore(':memory:')
    onTestFinished(() => store.close())
    return store
  }
  const database = await createTestDatabase()
  const store = await openStore(database.url)
  onTestFinished(async () => {
    await store.close()
    await database.drop()
  })
  return store
}
