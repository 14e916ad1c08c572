import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { tablesOf } from '../db/tables-of.ts'
import type { CoreDeps, ServiceModule } from '../modules/service-module.ts'
import type { RetryPolicy } from '../outbox/backoff.ts'
import { defaultLeaseMs } from '../outbox/lease.ts'
import type { TicketChange } from '../tickets/ticket-change.ts'
import { defaultRetryPolicy } from './backoff.ts'
import { registerWebhookDeliveryRoutes } from './delivery-routes.ts'
import { createDispatcher } from './dispatcher.ts'
import { enqueueDeliveries } from './enqueue-deliveries.ts'
import { registerWebhookRoutes, type WebhookRoutesDeps } from './routes.ts'
import { createSecretBox } from './secret-box.ts'
import { createWebhookRegistry } from './webhook-registry.ts'

export interface WebhooksOptions {
  /** Backoff and the bounded number of tries (default: 5 s base, 1 h cap, 12 tries). */
  retry?: Partial<RetryPolicy>
  /** Poll for due retries this often (default 1 s); commits and replays wake the dispatcher. */
  pollMs?: number
  batchSize?: number
  /** Request timeout of one POST, test events included (default 10 s). */
  timeoutMs?: number
  /** How long a claim holds a delivery unless renewed; renewed while it is sent (default 5 s). */
  leaseMs?: number
  /** Jitter source; tests may fix it. */
  random?: () => number
}

/**
 * Webhooks: a signed delivery row per subscribed webhook inside every save
 * transaction (whatever `notify` says), a dispatcher that POSTs them after commit with retries,
 * and the `/api/v1/Webhook` routes.
 * @example const module = createWebhooksModule(core, { pollMs: 15 }); module.start?.()
 */
export function createWebhooksModule(core: CoreDeps, options: WebhooksOptions = {}): ServiceModule {
  const { env, store, logger, now } = core
  const timeoutMs = options.timeoutMs ?? 10_000
  const contextIdentifier = (env.TICKET_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`).replace(
    /\/+$/,
    ''
  )
  const secrets = createSecretBox(env.TICKET_SECRET_KEY)
  const allowInternal = env.TICKET_WEBHOOK_ALLOW_PRIVATE
  const dispatcher = createDispatcher(
    { store, logger, now, secrets, allowInternal },
    {
      pollMs: options.pollMs ?? 1_000,
      batchSize: options.batchSize ?? 20,
      timeoutMs,
      leaseMs: options.leaseMs ?? defaultLeaseMs,
      retry: { ...defaultRetryPolicy, ...options.retry },
      random: options.random ?? Math.random,
    }
  )
  const registry = createWebhookRegistry(store)
  // The saves that queued a delivery: only they wake the dispatcher (no claim query otherwise).
  const queued = new WeakSet<TicketChange>()
  const routeDeps: WebhookRoutesDeps = {
    store,
    registry,
    now,
    contextIdentifier,
    timeoutMs,
    wake: dispatcher.wake,
    secrets,
    allowInternal,
  }
  return {
    name: 'webhooks',
    register(app: Hono<AppEnv>) {
      registerWebhookRoutes(app, routeDeps)
      registerWebhookDeliveryRoutes(app, routeDeps)
    },
    async inTransaction(tx, change) {
      const hooks = await registry.active(tx)
      if (
        hooks.length > 0 &&
        (await enqueueDeliveries(tx, tablesOf(store.db), change, contextIdentifier, hooks)) > 0
      ) {
        queued.add(change)
      }
    },
    afterCommit(change) {
      if (queued.has(change)) {
        dispatcher.wake()
      }
    },
    start: dispatcher.start,
    async stop() {
      registry.close()
      await dispatcher.stop()
    },
  }
}
