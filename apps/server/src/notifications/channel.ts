import type { Db, Store } from '../db/store.ts'
import type { Env } from '../env.ts'
import type { OutboxRow } from './outbox-queries.ts'
import type { Recipient } from './rules.ts'

/**
 * One way a notification goes out. `send` does the slow outside work (SMTP) with no transaction
 * open; `record` writes rows in the same transaction that marks the delivery done and returns
 * what to do after that commit (pushing to live streams).
 */
export interface Channel {
  send(row: OutboxRow): Promise<void>
  record?(tx: Db, row: OutboxRow): Promise<(() => void) | undefined>
  /**
   * What `record` does for each of `rows`, in one go, for a channel whose `send` does nothing
   * (in-app): the dispatcher then records a round's rows in one transaction instead of one
   * transaction each. Returns what to run after that commit.
   */
  recordAll?(tx: Db, rows: readonly OutboxRow[]): Promise<() => void>
  close?(): void
}

/** What a channel is built from. */
export interface ChannelDeps {
  env: Env
  store: Pick<Store, 'changes' | 'db'>
  /** Socket, greeting and connection timeout of outside services (SMTP). */
  timeoutMs: number
}

/**
 * A kind of delivery: what the planner writes into its outbox row (inside the save transaction)
 * and how the dispatcher's {@link Channel} is built. Every channel is one file exporting one of
 * these, listed once in `channels.ts`.
 */
export interface ChannelKind {
  /** Where the delivery goes; null where the channel needs no address or the recipient has none. */
  addressOf(recipient: Recipient, email: string | undefined): string | null
  /** Why the delivery is recorded `skipped` instead of queued; undefined queues it. */
  skipReason(address: string | null, env: Env): string | undefined
  /** The id a message keeps across retries (an email Message-ID), or null. */
  messageId(ticketId: number, dedupeKey: string): string | null
  create(deps: ChannelDeps): Channel
}

/** Thrown by a channel that cannot deliver by design (email off): recorded `skipped`, no retry. */
export class SkipDelivery extends Error {}
