import { onTestFinished } from 'vitest'
import { createApp } from '../app.ts'
import { bootstrap } from '../bootstrap.ts'
import { type Env, loadEnv } from '../env.ts'
import { createLogger, type Logger } from '../logger.ts'
import type { ServiceModuleFactory } from '../modules/service-module.ts'
import { validateAgainstDocument } from './contract/validated-app.ts'
import { testSecretKey } from './secret-key.ts'
import { sqliteFile } from './temp-database.ts'

export interface TestAppOptions {
  /** `:memory:` (default), `file` for a temporary SQLite file, or a postgres:// URL. */
  database?: ':memory:' | 'file' | string
  env?: Record<string, string>
  /** Replaces the service modules (e.g. a module with millisecond retries). */
  modules?: ServiceModuleFactory[]
  /** Replaces the silent logger (a test that reads the log lines). */
  logger?: Logger
  /** The service clock (default: the real one). */
  now?: () => Date
}

/**
 * A fresh app over its own database for one test; torn down when the test finishes.
 * @example const { app } = await createTestApp(); await app.request('/healthz')
 */
export async function createTestApp(options: TestAppOptions = {}) {
  const opened = await openTestApp(options)
  onTestFinished(() => opened.close())
  return opened
}

/**
 * A fresh app over its own database shared by several tests (opened in `beforeAll`); the
 * caller closes it (in `afterAll`).
 */
export async function openTestApp(options: TestAppOptions = {}) {
  let databaseUrl = options.database ?? ':memory:'
  const file = databaseUrl === 'file' ? sqliteFile() : undefined
  if (file) {
    databaseUrl = file.url
  }
  const env: Env = loadEnv({
    LOG_LEVEL: 'silent',
    TICKET_ADMIN_PASSWORD: 'admin-test-password',
    // Cheaper hashes keep the suite fast; the production default is exercised by password.test.ts.
    TICKET_PASSWORD_COST: '10',
    TICKET_SECRET_KEY: testSecretKey,
    ...options.env,
    DATABASE_URL: databaseUrl,
  })
  const deps = await bootstrap(env, options.logger ?? createLogger('silent'), {
    modules: options.modules,
    now: options.now,
  })
  const app = validateAgainstDocument(createApp(deps))
  const close = async () => {
    await deps.shutdown()
    file?.remove()
  }
  return { app, deps, env, close }
}
