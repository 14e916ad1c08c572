import type { DeliveryChannel } from '@ticket/schema'
import type { Store } from '../db/store.ts'
import { groupBy } from '../group-by.ts'
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
        await markDelivered(tx, [row], now())
        return after
      })
      afterCommit?.()
    } catch (error) {
      await recordFailure(row, error)
    }
  }

  /**
   * A round's rows: those of a channel that sends nothing outside (in-app) are recorded together,
   * in one transaction with their outcomes, instead of one transaction each; the others are sent
   * one by one, at the same time.
   */
  async function deliverRound(rows: OutboxRow[]) {
    const byChannel = groupBy(rows, (row) => channels[row.channel])
    await Promise.all(
      [...byChannel].flatMap(([channel, held]) =>
        channel.recordAll ? [recordTogether(channel, held)] : held.map(deliver)
      )
    )
  }

  async function recordTogether(channel: Channel, rows: OutboxRow[]) {
    let afterCommit: (() => void) | undefined
    try {
      afterCommit = await store.transaction(async (tx) => {
        const after = await channel.recordAll?.(tx, rows)
        await markDelivered(tx, rows, now())
        return after
      })
    } catch {
      // Nothing of the round was kept. One by one, a row that cannot be written (its associate
      // removed since it was planned) records its own failure and the others are delivered.
      await Promise.all(rows.map(deliver))
      return
    }
    afterCommit?.()
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
      deliverRound,
      claimFailed: (err) => logger.error('notification outbox unreadable', { err }),
      recover: () => releaseStaleLeases(store, 'notificationOutbox', now()),
    },
    options
  )
}
