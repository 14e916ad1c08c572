import { onTestFinished } from 'vitest'
import { openStore, type Store } from '../../db/store.ts'
import { loadEnv } from '../../env.ts'
import { createLogger } from '../../logger.ts'
import type { CoreDeps } from '../../modules/service-module.ts'

/**
 * Core dependencies over a real database for module-level tests. The store is closed when the
 * test finishes (before a database made by `temporaryDatabase` is removed).
 */
export async function openTestCore(
  database: string,
  env: Record<string, string> = {}
): Promise<CoreDeps & { store: Store }> {
  const url = database
  const store = await openStore(url)
  onTestFinished(() => store.close())
  return {
    env: loadEnv({ LOG_LEVEL: 'silent', ...env, DATABASE_URL: url }),
    store,
    logger: createLogger('silent'),
    now: () => new Date(),
  }
}
