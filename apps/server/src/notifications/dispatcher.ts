import type { DeliveryChannel } from '@ticket/schema'
import type { Store } from '../db/store.ts'
import type { Logger } from '../logger.ts'
import { releaseStaleLeases, whileLeased } from '../outbox/lease.ts'
import {
  createPollLoop,
  type Dispatcher,
  type LeasedDispatcherOptions,
} from '../outbox/poll-loop.ts'
import { type Channel, SkipDelivery } from './channel.ts'
import {
  claimDue,
  markDelivered,
  markFailed,
  markSkipped,
  type OutboxRow,
} from './outbox-queries.ts'

export type { Dispatcher }
export type DispatcherOptions = LeasedDispatcherOptions

interface DispatcherDeps {
  store: Store
  logger: Logger
  now: () => Date
  channels: Record<DeliveryChannel, Channel>
}

/** Delivers outbox rows after commit: claims due rows, sends them, records each outcome. */
export function createDispatcher(deps: DispatcherDeps, options: DispatcherOptions): Dispatcher {
  const { store, logger, now, channels } = deps

  async function deliver(row: OutboxRow) {
    const channel = channels[row.channel]
    try {
      await whileLeased(store, 'notificationOutbox', row, options.leaseMs, now, () =>
        channel.send(row)
      )
      const afterCommit = await store.transaction(async (tx) => {
        const after = await channel.record?.(tx, row)
        await markDelivered(tx, row, now())
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

  return createPollLoop(
    {
      claim: (limit) => claimDue(store, now(), options.leaseMs, limit),
      deliver,
      claimFailed: (err) => logger.error('notification outbox unreadable', { err }),
      recover: () => releaseStaleLeases(store, 'notificationOutbox', now()),
    },
    options
  )
}
