import type { Store } from '../db/store.ts'
import type { Logger } from '../logger.ts'
import type { RetryPolicy } from './backoff.ts'
import { type ClaimedDelivery, claimDue, markDelivered, markFailed } from './delivery-queries.ts'
import { postEvent } from './post-event.ts'

export interface DispatcherOptions {
  /** How often due rows are looked for when nothing wakes the dispatcher (retries, restarts). */
  pollMs: number
  /** Rows claimed and sent concurrently per round. */
  batchSize: number
  /** How long a claim holds a row; must exceed the request timeout. */
  leaseMs: number
  /** How long one POST may take before it counts as failed. */
  timeoutMs: number
  retry: RetryPolicy
  random: () => number
}

export interface Dispatcher {
  start(): void
  /** Looks for due rows now (after a commit or a replay) instead of at the next poll. */
  wake(): void
  /** Sends what is due, waits for in-flight sends, then stops polling. */
  stop(): Promise<void>
}

interface DispatcherDeps {
  store: Store
  logger: Logger
  now: () => Date
}

/**
 * Delivers webhook events after commit: claims due rows, POSTs them, records each outcome. The
 * rows live in the database, so a restart resumes where the last process stopped.
 */
export function createDispatcher(deps: DispatcherDeps, options: DispatcherOptions): Dispatcher {
  const { store, logger, now } = deps
  let state: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle'
  let timer: NodeJS.Timeout | undefined
  let round: Promise<void> | undefined
  let wokenDuringRound = false

  const schedule = () => {
    clearTimeout(timer)
    if (state === 'running') {
      timer = setTimeout(kick, options.pollMs)
      // A pending poll must not keep the process (or a test run) alive.
      timer.unref()
    }
  }

  function kick() {
    if (state !== 'running') {
      return
    }
    if (round) {
      wokenDuringRound = true
      return
    }
    round = drain().finally(() => {
      round = undefined
      if (wokenDuringRound && state === 'running') {
        wokenDuringRound = false
        kick()
      } else {
        schedule()
      }
    })
  }

  async function drain() {
    for (;;) {
      let claimed: ClaimedDelivery[]
      try {
        claimed = await claimDue(store, now(), options.leaseMs, options.batchSize)
      } catch (err) {
        logger.error('webhook deliveries unreadable', { err })
        return
      }
      await Promise.all(claimed.map(deliver))
      if (claimed.length < options.batchSize) {
        return
      }
    }
  }

  async function deliver({ row, targetUrl, secret }: ClaimedDelivery) {
    const outcome = await postEvent(
      {
        targetUrl,
        secret,
        event: row.event,
        eventId: row.eventId,
        attempt: row.tries,
        body: row.body,
      },
      options.timeoutMs
    )
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

  return {
    start() {
      if (state === 'idle') {
        state = 'running'
        kick()
      }
    },
    wake: kick,
    async stop() {
      if (state !== 'running') {
        state = 'stopped'
        return
      }
      state = 'stopping'
      clearTimeout(timer)
      await round
      await drain()
      state = 'stopped'
    },
  }
}
