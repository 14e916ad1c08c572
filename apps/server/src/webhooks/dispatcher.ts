import type { Store } from '../db/store.ts'
import type { Logger } from '../logger.ts'
import { releaseStaleLeases, whileLeased } from '../outbox/lease.ts'
import {
  createPollLoop,
  type Dispatcher,
  type LeasedDispatcherOptions,
} from '../outbox/poll-loop.ts'
import { type ClaimedDelivery, claimDue, markDelivered, markFailed } from './delivery-queries.ts'
import { type PostOutcome, postEvent } from './post-event.ts'
import type { SecretBox } from './secret-box.ts'
import { refusedTarget } from './target-policy.ts'

export type { Dispatcher }

export interface DispatcherOptions extends LeasedDispatcherOptions {
  /** How long one POST may take before it counts as failed; the lease is renewed meanwhile. */
  timeoutMs: number
}

interface DispatcherDeps {
  store: Store
  logger: Logger
  now: () => Date
  secrets: SecretBox
  /** Whether loopback and private targets are allowed. */
  allowInternal: boolean
}

/** Delivers webhook events after commit: claims due rows, POSTs them, records each outcome. */
export function createDispatcher(deps: DispatcherDeps, options: DispatcherOptions): Dispatcher {
  const { store, logger, now } = deps

  async function send({ row, targetUrl, secret }: ClaimedDelivery): Promise<PostOutcome> {
    const refused = await refusedTarget(targetUrl, deps.allowInternal)
    if (refused) {
      return { ok: false, status: null, error: refused }
    }
    let plain: string
    try {
      plain = deps.secrets.open(secret)
    } catch (error) {
      return { ok: false, status: null, error: `secret unreadable: ${(error as Error).message}` }
    }
    return whileLeased(store, 'webhookDeliveries', row, options.leaseMs, now, () =>
      postEvent(
        {
          targetUrl,
          secret: plain,
          event: row.event,
          eventId: row.eventId,
          attempt: row.tries,
          body: row.body,
        },
        options.timeoutMs
      )
    )
  }

  async function deliver(claimed: ClaimedDelivery) {
    const { row } = claimed
    const outcome = await send(claimed)
    try {
      if (outcome.ok) {
        await markDelivered(store, row, outcome.status, now())
        return
      }
      const status = await markFailed(store, row, outcome, options.retry, now(), options.random)
      logger.info('webhook delivery failed', {
        deliveryId: row.deliveryId,
        webhookId: row.webhookId,
        tries: row.tries,
        status,
        error: outcome.error,
      })
    } catch (err) {
      // The lease runs out and the row is tried again: nothing is lost.
      logger.error('webhook outcome not recorded', { deliveryId: row.deliveryId, err })
    }
  }

  return createPollLoop(
    {
      claim: (limit) => claimDue(store, now(), options.leaseMs, limit),
      deliver,
      claimFailed: (err) => logger.error('webhook deliveries unreadable', { err }),
      recover: () => releaseStaleLeases(store, 'webhookDeliveries', now()),
    },
    options
  )
}
