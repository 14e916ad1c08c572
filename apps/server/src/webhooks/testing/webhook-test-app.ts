import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { createApp } from '../../app.ts'
import { seeder } from '../../assignment/test-seed.ts'
import { openStore } from '../../db/store.ts'
import { loadEnv } from '../../env.ts'
import { createLogger } from '../../logger.ts'
import { serviceModules } from '../../modules/index.ts'
import type { CoreDeps } from '../../modules/service-module.ts'
import { prepareTenant } from '../../tenant/prepare-tenant.ts'
import { createWebhooksModule, type WebhooksOptions } from '../webhooks-module.ts'

/** Retries in milliseconds instead of seconds, so a test sees a failing receiver recover. */
export const fastWebhooks: WebhooksOptions = {
  retry: { baseMs: 20, capMs: 80, maxTries: 4 },
  pollMs: 15,
  timeoutMs: 2_000,
}

export const adminLogin = { username: 'hook-admin', password: 'hook-admin-password' }
export const agentLogin = { username: 'hook-agent', password: 'hook-agent-password' }

/** `file` makes a temporary SQLite file; a postgres:// URL uses that database. */
export function temporaryDatabase(database: ':memory:' | 'file' | string): string {
  if (database !== 'file') {
    return database
  }
  const dir = mkdtempSync(join(tmpdir(), 'ticket-webhooks-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return `file:${join(dir, 'ticket.db')}`
}

/**
 * The app as `bootstrap` builds it, except that the webhooks module gets `options` (the harness
 * cannot pass module options). Signs in with `adminLogin` (full rights) or `agentLogin`.
 */
export async function createWebhookTestApp(
  options: { database?: string; webhooks?: WebhooksOptions; seedUsers?: boolean } = {}
) {
  const env = loadEnv({
    LOG_LEVEL: 'silent',
    TICKET_ADMIN_PASSWORD: 'admin-test-password',
    DATABASE_URL: temporaryDatabase(options.database ?? ':memory:'),
  })
  const store = await openStore(env.DATABASE_URL)
  const core: CoreDeps = { env, store, logger: createLogger('silent'), now: () => new Date() }
  await prepareTenant(core)
  if (options.seedUsers !== false) {
    const seed = seeder(store.db, store.tables)
    await seed.user(adminLogin.username, adminLogin.password, true)
    await seed.user(agentLogin.username, agentLogin.password, false)
  }
  const modules = serviceModules.map((create) =>
    create === createWebhooksModule
      ? createWebhooksModule(core, options.webhooks ?? fastWebhooks)
      : create(core)
  )
  for (const module of modules) {
    module.start?.()
  }
  let stopped: Promise<void> | undefined
  const shutdown = () => {
    stopped ??= (async () => {
      for (const module of [...modules].reverse()) {
        await module.stop?.()
      }
      await store.close()
    })()
    return stopped
  }
  onTestFinished(shutdown)
  const deps = { ...core, modules }
  return { app: createApp(deps), deps, store, shutdown }
}
