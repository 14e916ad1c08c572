import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { openStore, type Store } from '../../db/store.ts'
import { loadEnv } from '../../env.ts'
import { createLogger } from '../../logger.ts'
import type { CoreDeps } from '../../modules/service-module.ts'
import { createTestDatabase } from '../../test/postgres.ts'

/** A temporary folder's SQLite file, removed after the test; open it as often as needed. */
export function tempDatabaseFile(): { file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ticket-notify-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return { file: join(dir, 'ticket.db') }
}

/** A PostgreSQL database for this test, dropped after it. */
export async function tempPostgres(): Promise<string> {
  const database = await createTestDatabase()
  onTestFinished(() => database.drop())
  return database.url
}

/**
 * Core dependencies over a real database for module-level tests. The store is closed when the
 * test finishes (before a PostgreSQL database made by `tempPostgres` is dropped).
 */
export async function openTestCore(
  database: ':memory:' | string | { file: string },
  env: Record<string, string> = {}
): Promise<CoreDeps & { store: Store }> {
  const url = typeof database === 'string' ? database : `file:${database.file}`
  const store = await openStore(url)
  onTestFinished(() => store.close())
  return {
    env: loadEnv({ LOG_LEVEL: 'silent', ...env, DATABASE_URL: url }),
    store,
    logger: createLogger('silent'),
    now: () => new Date(),
  }
}
