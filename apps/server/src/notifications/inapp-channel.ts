import { prepared } from '../db/prepared.ts'
import { rowShape, rowsShape } from '../db/statement-shape.ts'
import type { Db, Store, Tables } from '../db/store.ts'
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

type NotificationRow = Tables['notifications']['$inferSelect']

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
  /** Announces the rows an insert wrote; what to run after the commit. */
  const stageAll = async (tx: Db, inserted: NotificationRow[]) => {
    const after = await Promise.all(
      inserted.map((row) => stageNotification(store, tx, toNotification(row)))
    )
    return () => {
      for (const announce of after) {
        announce()
      }
    }
  }
  return {
    send: async () => {},
    async record(tx: Db, row) {
      const values = notificationOf(row)
      const shape = rowShape('notifications.insert', values)
      const insert = prepared(tx, shape.key, (d) =>
        d
          .insert(tables.notifications)
          .values(shape.placeholders() as never)
          .onConflictDoNothing()
          .returning()
      )
      return stageAll(tx, await insert.execute(values))
    },
    async recordAll(tx: Db, rows) {
      if (rows.length === 0) {
        return () => {}
      }
      // One statement for the round: a delivery already recorded (its retry) inserts nothing.
      const shape = rowsShape('notifications.insert-rows', rows.map(notificationOf))
      const insert = prepared(tx, shape.key, (d) =>
        d
          .insert(tables.notifications)
          .values(shape.placeholders() as never)
          .onConflictDoNothing()
          .returning()
      )
      return stageAll(tx, await insert.execute(shape.values))
    },
  }
}
