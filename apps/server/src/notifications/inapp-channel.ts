import { prepared } from '../db/prepared.ts'
import { rowShape } from '../db/statement-shape.ts'
import type { Db, Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import type { Channel, ChannelKind } from './channel.ts'
import { stageNotification } from './live-relay.ts'
import { renderMessage } from './messages.ts'
import { readPayload } from './payload.ts'
import { toNotification } from './to-wire.ts'

/** In-app: a row the associate reads in the app; no address, never skipped. */
export const inappChannel: ChannelKind = {
  addressOf: () => null,
  skipReason: () => undefined,
  messageId: () => null,
  create: ({ store }) => createInappChannel(store),
}

/**
 * In-app delivery: one `notifications` row per delivery, keyed by the delivery's dedupe key, so
 * a retried delivery (a lease that ran out mid-commit) inserts nothing the second time; live
 * subscribers in every process hear of it once the row has committed.
 */
export function createInappChannel(store: Pick<Store, 'changes' | 'db'>): Channel {
  const tables = tablesOf(store.db)
  return {
    send: async () => {},
    async record(tx: Db, row) {
      if (row.recipientAssociateId === null) {
        throw new Error('an in-app delivery needs an associate')
      }
      const payload = readPayload(row.payload)
      const message = renderMessage(row.language, row.event, payload)
      const values = {
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
      const shape = rowShape('notifications.insert', values)
      const insert = prepared(tx, shape.key, (d) =>
        d
          .insert(tables.notifications)
          .values(shape.placeholders() as never)
          .onConflictDoNothing()
          .returning()
      )
      const [inserted] = await insert.execute(values)
      return inserted ? stageNotification(store, tx, toNotification(inserted)) : undefined
    },
  }
}
