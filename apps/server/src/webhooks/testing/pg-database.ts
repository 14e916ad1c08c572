import { onTestFinished } from 'vitest'
import { createTestDatabase } from '../../test/postgres.ts'

export type DatabaseKind = ':memory:' | 'file' | 'pg'

/** A database URL for one test; a PostgreSQL one is dropped when the test ends. */
export async function databaseOf(kind: DatabaseKind): Promise<string> {
  if (kind !== 'pg') {
    return kind
  }
  const database = await createTestDatabase()
  // Registered before the app's own teardown, so it runs after it (hooks run as a stack).
  onTestFinished(() => database.drop())
  return database.url
}
