import { tablesOf } from '../../db/tables-of.ts'
import { serviceModules } from '../../modules/index.ts'
import type { CoreDeps } from '../../modules/service-module.ts'
import { createWebhooksModule, type WebhooksOptions } from '../../webhooks/webhooks-module.ts'
import { createTestApp } from '../harness.ts'
import { seeder } from '../seed.ts'

/** Retries in milliseconds instead of seconds, so a test sees a failing receiver recover. */
export const fastWebhooks: WebhooksOptions = {
  retry: { baseMs: 20, capMs: 80, maxTries: 4 },
  pollMs: 15,
  timeoutMs: 2_000,
}

export const adminLogin = { username: 'hook-admin', password: 'hook-admin-password' }
export const agentLogin = { username: 'hook-agent', password: 'hook-agent-password' }

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
    database: options.database ?? ':memory:',
    modules,
    // The receivers of these tests listen on loopback.
    env: { TICKET_WEBHOOK_ALLOW_PRIVATE: '1' },
  })
  const { store } = deps
  if (options.seedUsers !== false) {
    const seed = seeder(store.db, tablesOf(store.db))
    await seed.user(adminLogin.username, adminLogin.password, true)
    await seed.user(agentLogin.username, agentLogin.password, false)
  }
  return { app, deps, store, shutdown: deps.shutdown }
}
