import type { DeliveryChannel } from '@ticket/schema'
import type { Store } from '../db/store.ts'
import type { Logger } from '../logger.ts'
import type { RetryPolicy } from './backoff.ts'
import { type Channel, SkipDelivery } from './channel.ts'
import {
  claimDue,
  markDelivered,
  markFailed,
  markSkipped,
  type OutboxRow,
} from './outbox-queries.ts'

export interface DispatcherOptions {
  /** How often due rows are looked for when nothing wakes the dispatcher (retries, restarts). */
  pollMs: number
  /** Rows claimed and sent concurrently per round. */
  batchSize: number
  /** How long a claim holds a row; a crashed sender's rows are due again after it. */
  leaseMs: number
  retry: RetryPolicy
  random: () => number
}

export interface Dispatcher {
  start(): void
  /** Looks for due rows now (after a commit) instead of at the next poll. */
  wake(): void
  /** Delivers what is due, waits for in-flight sends, then stops polling. */
  stop(): Promise<void>
}

interface DispatcherDeps {
  store: Store
  logger: Logger
  now: () => Date
  channels: Record<DeliveryChannel, Channel>
}

/**
 * Delivers outbox rows after commit: claims due rows, sends them, records each outcome. The
 * rows live in the database, so a restart resumes where the last process stopped.
 */
export function createDispatcher(deps: DispatcherDeps, options: DispatcherOptions): Dispatcher {
  const { store, logger, now, channels } = deps
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
      let rows: OutboxRow[]
      try {
        rows = await claimDue(store, now(), options.leaseMs, options.batchSize)
      } catch (err) {
        logger.error('notification outbox unreadable', { err })
        return
      }
      await Promise.all(rows.map(deliver))
      if (rows.length < options.batchSize) {
        return
      }
    }
  }

  async function deliver(row: OutboxRow) {
    const channel = channels[row.channel]
    try {
      await channel.send(row)
      const afterCommit = await store.transaction(async (tx) => {
        const after = await channel.record?.(tx, row)
        await markDelivered(tx, store.tables, row, now())
        return after
      })
      afterCommit?.()
    } catch (error) {
      await recordFailure(row, error)
    }
  }

  async function recordFailure(row: OutboxRow, error: unknown) {
    const message = error instanceof Error ? error.message : String(error)
    try {
      if (error instanceof SkipDelivery) {
        await markSkipped(store, row, message)
        return
      }
      const status = await markFailed(store, row, message, options.retry, now(), options.random)
      logger.info('notification delivery failed', {
        deliveryId: row.deliveryId,
        channel: row.channel,
        tries: row.tries + 1,
        status,
        error: message,
      })
    } catch (err) {
      // The lease runs out and the row is tried again: nothing is lost.
      logger.error('notification outcome not recorded', { deliveryId: row.deliveryId, err })
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
