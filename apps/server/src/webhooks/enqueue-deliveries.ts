import { randomUUID } from 'node:crypto'
import { prepared } from '../db/prepared.ts'
import { rowsShape } from '../db/statement-shape.ts'
import type { Db, Tables } from '../db/store.ts'
import { writeLater } from '../db/write-later.ts'
import type { TicketChange } from '../tickets/ticket-change.ts'
import { eventOfChange, ticketEventBody } from './event-body.ts'
import type { ActiveWebhook } from './webhook-registry.ts'

/**
 * Inside the save transaction: one pending delivery per active webhook (`hooks`) subscribed to the
 * change's event, whatever `notify` says. The body is frozen now, so it describes the committed change.
 * @example await enqueueDeliveries(tx, tables, change, 'https://tickets.example.com')
 */
export async function enqueueDeliveries(
  tx: Db,
  tables: Tables,
  change: TicketChange,
  contextIdentifier: string,
  hooks: ActiveWebhook[]
): Promise<number> {
  // NotifyNewTicket and saves that change nothing are not changes a receiver could act on.
  if (
    change.notifyNewTicket ||
    (change.kind === 'changed' && change.changedColumns.length === 0 && !change.message)
  ) {
    return 0
  }
  const event = eventOfChange(change)
  const rows = hooks
    .filter((hook) => Array.isArray(hook.events) && hook.events.includes(event))
    .map((hook) => {
      const eventId = randomUUID()
      return {
        webhookId: hook.webhookId,
        eventId,
        event,
        status: 'pending' as const,
        tries: 0,
        createdAt: change.at,
        nextAttemptAt: change.at,
        dedupeKey: `${hook.webhookId}:${eventId}`,
        body: ticketEventBody(change, { eventId, webhookName: hook.name, contextIdentifier }),
      }
    })
  if (rows.length === 0) {
    return 0
  }
  const shape = rowsShape('webhooks.deliveries.insert', rows)
  const insert = prepared(tx, shape.key, (d) =>
    d.insert(tables.webhookDeliveries).values(shape.placeholders() as never)
  )
  // Nobody reads its answer: on PostgreSQL it goes out with the save's next statement.
  await writeLater(tx, () => insert.execute(shape.values))
  return rows.length
}
