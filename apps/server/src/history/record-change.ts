import type { TicketFieldChange } from '@ticket/schema'
import { prepared } from '../db/prepared.ts'
import { ticketMessagesProjection, ticketsProjection } from '../db/projection.gen.ts'
import { carrierKeysOf } from '../db/projection-map.ts'
import { placeholdersFor } from '../db/statement-shape.ts'
import type { Db } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { writeLater } from '../db/write-later.ts'
import type { TicketChange } from '../tickets/ticket-change.ts'
import { fieldChanges } from './field-changes.ts'

const asRecord = (value: unknown) => value as Record<string, unknown>
const ticketKeys = carrierKeysOf(ticketsProjection)
const messageKeys = carrierKeysOf(ticketMessagesProjection)

/** The field changes of one ticket change: the ticket's own, then its message's, prefixed. */
export function changesOf(change: TicketChange): TicketFieldChange[] {
  const ticket =
    change.kind === 'deleted'
      ? [{ Field: 'Deleted', From: 'false', To: 'true' }]
      : fieldChanges(
          change.before && asRecord(change.before),
          asRecord(change.after),
          '',
          ticketKeys
        )
  const message = change.message
    ? fieldChanges(
        change.message.before && asRecord(change.message.before),
        asRecord(change.message.after),
        'TicketMessage.',
        messageKeys
      )
    : []
  return [...ticket, ...message]
}

/**
 * Inside the save transaction: one history row for the change (who, when, through which route,
 * which fields from what to what). A save that changed nothing leaves no row.
 */
export async function recordChange(tx: Db, change: TicketChange): Promise<void> {
  const changes = changesOf(change)
  if (changes.length === 0) {
    return
  }
  const statement = prepared(tx, 'ticket-history.insert', (d) =>
    d
      .insert(tablesOf(d).ticketHistory)
      .values(
        placeholdersFor(['ticketId', 'ticketMessageId', 'at', 'associateId', 'route', 'changes'])
      )
  )
  const values = {
    ticketId: change.ticketId,
    ticketMessageId: change.message?.after.TicketMessageId ?? 0,
    at: change.at,
    associateId: change.actorId,
    route: (change.route ?? 'internal').slice(0, 255),
    changes,
  }
  await writeLater(tx, () => statement.execute(values))
}
