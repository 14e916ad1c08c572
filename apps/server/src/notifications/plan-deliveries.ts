import { prepared } from '../db/prepared.ts'
import { rowsShape } from '../db/statement-shape.ts'
import type { Db, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { writeLater } from '../db/write-later.ts'
import type { Env } from '../env.ts'
import type { ReferenceReader } from '../reference/reference-reader.ts'
import type { TicketChange } from '../tickets/ticket-change.ts'
import { categoryFactsOf } from './category-facts.ts'
import { channelKinds } from './channels.ts'
import { dedupeKeyOf, eventKeyOf } from './event-key.ts'
import { snapshotPayload } from './payload.ts'
import { channelsFor, readPreferences } from './preferences.ts'
import { dropKnownAddresses, planRecipients, type Recipient } from './rules.ts'

type OutboxInsert = Tables['notificationOutbox']['$inferInsert']

export interface PlanContext {
  /** Base of the ticket link. */
  baseUrl: string
  /** What the channels check a delivery against (email without `SMTP_URL` is skipped). */
  env: Env
}

/**
 * The rules, inside the save transaction: who hears about the change, on which channels, written
 * as outbox rows that commit or roll back with the ticket. Nothing is read back from their
 * INSERT: where the transaction holds writes (PostgreSQL), it goes with the commit.
 */
export async function planDeliveries(
  tx: Db,
  context: PlanContext,
  change: TicketChange,
  reference: ReferenceReader
): Promise<void> {
  if (change.kind === 'deleted' || !(change.notify || change.notifyNewTicket)) {
    return
  }
  const tables = tablesOf(tx)
  const category = await categoryFactsOf(
    reference,
    change.after.Category?.TicketCategoryId ?? undefined
  )
  const named = planRecipients(change, category)
  if (named.length === 0) {
    return
  }
  const people = await reference.contacts([
    change.actorId,
    ...named.flatMap((r) => (r.kind === 'associate' ? [r.associateId] : [])),
  ])
  const knownEmails = new Set(
    [...people.values()].map((p) => p.email.trim().toLowerCase()).filter((e) => e.length > 0)
  )
  const recipients = dropKnownAddresses(named, knownEmails).filter(
    (r) => r.kind === 'address' || people.get(r.associateId)?.deleted === false
  )
  const eventKey = eventKeyOf(change)
  const actor = people.get(change.actorId)
  const payload = {
    ...snapshotPayload(change, actor?.fullName || actor?.name || '', context.baseUrl),
    ...(change.after.Category?.Name ? {} : { categoryName: category?.name ?? '' }),
  }
  const rows: OutboxInsert[] = []
  for (const recipient of recipients) {
    const person = recipient.kind === 'associate' ? people.get(recipient.associateId) : undefined
    for (const channel of channelsFor(readPreferences(person?.preferences), recipient.event)) {
      const recipientKey = keyOf(recipient)
      const dedupeKey = dedupeKeyOf(eventKey, channel, recipientKey)
      const kind = channelKinds[channel]
      const address = kind.addressOf(recipient, person?.email)
      const skip = kind.skipReason(address, context.env)
      rows.push({
        ticketId: change.ticketId,
        event: recipient.event,
        eventKey,
        channel,
        recipientAssociateId: recipient.kind === 'associate' ? recipient.associateId : null,
        recipient: person ? person.fullName || person.name : recipientKey.slice(2),
        status: skip ? 'skipped' : 'pending',
        tries: 0,
        lastError: skip ?? null,
        createdAt: change.at,
        nextAttemptAt: skip ? null : change.at,
        deliveredAt: null,
        dedupeKey,
        address,
        language: person?.language || 'US',
        messageId: kind.messageId(change.ticketId, dedupeKey),
        payload: { ...payload },
      })
    }
  }
  if (rows.length === 0) {
    return
  }
  // The same change planned twice writes nothing new: the dedupe keys already exist.
  const shape = rowsShape('notifications.outbox.insert', rows)
  const t = tables.notificationOutbox
  const insert = prepared(tx, shape.key, (d) =>
    d
      .insert(t)
      .values(shape.placeholders() as never)
      .onConflictDoNothing()
  )
  await writeLater(tx, () => insert.execute(shape.values))
}

function keyOf(recipient: Recipient): string {
  return recipient.kind === 'associate'
    ? `a:${recipient.associateId}`
    : `e:${recipient.address.toLowerCase()}`
}
