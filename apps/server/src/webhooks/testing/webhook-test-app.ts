import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { serviceModules } from '../../modules/index.ts'
import type { CoreDeps } from '../../modules/service-module.ts'
import { createTestApp } from '../../test/harness.ts'
import { seeder } from '../../test/seed.ts'
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
 * The real app (createTestApp) whose webhooks module gets `options`. Signs in with `adminLogin`
 * (full rights) or `agentLogin`.
 */
export async function createWebhookTestApp(
  options: { database?: string; webhooks?: WebhooksOptions; seedUsers?: boolean } = {}
) {
  const modules = serviceModules.map((create) =>
    create === createWebhooksModule
      ? (core: CoreDeps) => createWebhooksModule(core, options.webhooks ?? fastWebhooks)
      : create
  )
  const { app, deps } = await createTestApp({
    database: temporaryDatabase(options.database ?? ':memory:'),
    modules,
    // The receivers of these tests listen on loopback.
    env: { TICKET_WEBHOOK_ALLOW_PRIVATE: '1' },
  })
  const { store } = deps
  if (options.seedUsers !== false) {
    const seed = seeder(store.db, store.tables)
    await seed.user(adminLogin.username, adminLogin.password, true)
    await seed.user(agentLogin.username, agentLogin.password, false)
  }
  return { app, deps, store, shutdown: deps.shutdown }
}
