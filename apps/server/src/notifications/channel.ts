import type { Db } from '../db/store.ts'
import type { OutboxRow } from './outbox-queries.ts'

/**
 * One way a notification goes out. `send` does the slow outside work (SMTP) with no transaction
 * open; `record` writes rows in the same transaction that marks the delivery done and returns
 * what to do after that commit (pushing to live streams).
 */
export interface Channel {
  send(row: OutboxRow): Promise<void>
  record?(tx: Db, row: OutboxRow): Promise<(() => void) | undefined>
  close?(): void
}

/** Thrown by a channel that cannot deliver by design (email off): recorded `skipped`, no retry. */
export class SkipDelivery extends Error {}
