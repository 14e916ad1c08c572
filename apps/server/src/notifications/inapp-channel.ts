import type { Db, Tables } from '../db/store.ts'
import type { Channel } from './channel.ts'
import type { LiveHub } from './live-hub.ts'
import { renderMessage } from './messages.ts'
import { readPayload } from './payload.ts'
import { toNotification } from './to-wire.ts'

/**
 * In-app delivery: one `notifications` row per delivery, keyed by the delivery's dedupe key, so
 * a retried delivery (a lease that ran out mid-commit) inserts nothing the second time; live
 * subscribers hear of it once the row has committed.
 */
export function createInappChannel(tables: Tables, hub: LiveHub): Channel {
  return {
    send: async () => {},
    async record(tx: Db, row) {
      if (row.recipientAssociateId === null) {
        throw new Error('an in-app delivery needs an associate')
      }
      const payload = readPayload(row.payload)
      const message = renderMessage(row.language, row.event, payload)
      const [inserted] = await tx
        .insert(tables.notifications)
        .values({
          associateId: row.recipientAssociateId,
          ticketId: row.ticketId,
          event: row.event,
          title: message.subject,
          body: message.lead,
          link: payload.link,
          createdAt: row.createdAt,
          readAt: null,
          dedupeKey: row.dedupeKey,
        })
        .onConflictDoNothing()
        .returning()
      return inserted ? () => hub.publish(toNotification(inserted)) : undefined
    },
  }
}
