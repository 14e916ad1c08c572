import { prepared } from '../db/prepared.ts'
import { rowsShape } from '../db/statement-shape.ts'
import type { Db, Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import type { Channel, ChannelKind } from './channel.ts'
import { stageNotification } from './live-relay.ts'
import { renderMessage } from './messages.ts'
import type { OutboxRow } from './outbox-queries.ts'
import { readPayload } from './payload.ts'
import { toNotification } from './to-wire.ts'

/** In-app: a row the associate reads in the app; no address, never skipped. */
export const inappChannel: ChannelKind = {
  addressOf: () => null,
  skipReason: () => undefined,
  messageId: () => null,
  create: ({ store }) => createInappChannel(store),
}

/** The `notifications` row a delivery writes, keyed by the delivery's dedupe key. */
function notificationOf(row: OutboxRow) {
  if (row.recipientAssociateId === null) {
    throw new Error('an in-app delivery needs an associate')
  }
  const payload = readPayload(row.payload)
  const message = renderMessage(row.language, row.event, payload)
  return {
    associateId: row.recipientAssociateId,
    ticketId: row.ticketId,
    event: row.event,
    title: message.subject,
    body: message.lead,
    link: payload.link,
    createdAt: row.createdAt,
    readAt: null,
    dedupeKey: row.dedupeKey,
  }
}

/**
 * In-app delivery: one `notifications` row per delivery, keyed by the delivery's dedupe key, so
 * a retried delivery (a lease that ran out mid-commit) inserts nothing the second time; live
 * subscribers in every process hear of it once the row has committed.
 */
export function createInappChannel(store: Pick<Store, 'changes' | 'db'>): Channel {
  const tables = tablesOf(store.db)
  /**
   * One statement for the deliveries given: a delivery already recorded (a retry) inserts
   * nothing and is announced no more.
   */
  const recordAll = async (tx: Db, rows: readonly OutboxRow[]) => {
    const shape = rowsShape('notifications.insert-rows', rows.map(notificationOf))
    const insert = prepared(tx, shape.key, (d) =>
      d
        .insert(tables.notifications)
        .values(shape.placeholders() as never)
        .onConflictDoNothing()
        .returning()
    )
    const announced = await Promise.all(
      (await insert.execute(shape.values)).map((row) =>
        stageNotification(store, tx, toNotification(row))
      )
    )
    return () => {
      for (const announce of announced) {
        announce()
      }
    }
  }
  return {
    send: async () => {},
    record: (tx, row) => recordAll(tx, [row]),
    recordAll,
  }
}
