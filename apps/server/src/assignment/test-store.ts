import { onTestFinished } from 'vitest'
import { openStore, type Store } from '../db/store.ts'
import { createTestDatabase } from '../test/postgres.ts'

export type Dialect = Store['dialect']

/** A fresh, migrated store of the dialect for one test; closed (and dropped) when it finishes. */
export async function openTestStore(dialect: Dialect): Promise<Store> {
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
