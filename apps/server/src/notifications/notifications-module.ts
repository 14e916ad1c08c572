import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import type { CoreDeps, ServiceModule } from '../modules/service-module.ts'
import type { RetryPolicy } from '../outbox/backoff.ts'
import { defaultLeaseMs } from '../outbox/lease.ts'
import { defaultRetryPolicy } from './backoff.ts'
import { createChannels } from './channels.ts'
import { createDispatcher } from './dispatcher.ts'
import { LiveHub } from './live-hub.ts'
import { relayNotifications } from './live-relay.ts'
import { publicBaseUrl } from './payload.ts'
import { type PlanContext, planDeliveries } from './plan-deliveries.ts'
import { registerNotificationRoutes } from './routes.ts'

export interface NotificationsOptions {
  /** Backoff and the bounded number of tries (default: 2 s base, 15 min cap, 8 tries). */
  retry?: Partial<RetryPolicy>
  /** Poll for due retries this often (default 1 s); commits wake the dispatcher at once. */
  pollMs?: number
  batchSize?: number
  /** How long a claim holds a delivery unless renewed; renewed while it is sent (default 5 s). */
  leaseMs?: number
  /** SMTP connection, greeting and socket timeout (default 15 s). */
  smtpTimeoutMs?: number
  /** Live stream keep-alive comment interval (default 15 s). */
  heartbeatMs?: number
  /** Jitter source; tests may fix it. */
  random?: () => number
}

export interface NotificationsModule extends ServiceModule {
  readonly hub: LiveHub
}

/**
 * User notifications: rules and outbox rows inside the save transaction, a dispatcher
 * that delivers them after commit (in-app with a live stream, email over SMTP), and the
 * notification routes.
 * @example const module = createNotificationsModule(core); module.start?.()
 */
export function createNotificationsModule(
  core: CoreDeps,
  options: NotificationsOptions = {}
): NotificationsModule {
  const { env, store, logger, now } = core
  const hub = new LiveHub()
  const channels = createChannels({ env, store, timeoutMs: options.smtpTimeoutMs ?? 15_000 })
  const dispatcher = createDispatcher(
    { store, logger, now, channels },
    {
      pollMs: options.pollMs ?? 1_000,
      batchSize: options.batchSize ?? 20,
      leaseMs: options.leaseMs ?? defaultLeaseMs,
      retry: { ...defaultRetryPolicy, ...options.retry },
      random: options.random ?? Math.random,
    }
  )
  const planContext: PlanContext = { baseUrl: publicBaseUrl(env), env }
  let stopRelay = () => {}
  return {
    name: 'notifications',
    hub,
    register(app: Hono<AppEnv>) {
      registerNotificationRoutes(app, {
        store,
        hub,
        now,
        heartbeatMs: options.heartbeatMs ?? 15_000,
      })
    },
    async inTransaction(tx, change, reference) {
      await planDeliveries(tx, planContext, change, reference)
    },
    afterCommit(change) {
      if (change.notify || change.notifyNewTicket) {
        dispatcher.wake()
      }
    },
    start: () => {
      stopRelay = relayNotifications(store, hub, (err) =>
        logger.error('live notification not relayed', { err })
      )
      dispatcher.start()
    },
    closeStreams() {
      stopRelay()
      hub.close()
    },
    async stop() {
      stopRelay()
      hub.close()
      await dispatcher.stop()
      channels.email.close?.()
    },
  }
}
