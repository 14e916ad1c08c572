import type { WebhookEvent } from '@ticket/schema'
import { ticketColumnValues } from '../tickets/changed-columns.ts'
import type { TicketChange } from '../tickets/ticket-change.ts'

export type EventName = WebhookEvent | 'test'

const eventOfKind: Record<TicketChange['kind'], WebhookEvent> = {
  created: 'ticket.created',
  changed: 'ticket.changed',
  deleted: 'ticket.deleted',
}

/** The webhook event of a change: one that adds or edits a message is a `ticketmessage` event. */
export function eventOfChange(change: TicketChange): WebhookEvent {
  if (!change.message) {
    return eventOfKind[change.kind]
  }
  return change.message.before ? 'ticketmessage.changed' : 'ticketmessage.created'
}

export interface EventContext {
  eventId: string
  webhookName: string
  /** Identifies this installation to receivers that listen to several (its public URL). */
  contextIdentifier: string
}

// The ticket fields every payload carries, by database column name as SuperOffice sends them.
const fieldValueColumns = [
  'ticket_id',
  'title',
  'owned_by_id',
  'category_id',
  'priority_id',
  'status_id',
  'base_status',
  'person_id',
  'deadline',
  'created_at',
  'last_changed',
] as const

/**
 * The SuperOffice-style payload of one ticket event, as JSON text. It is frozen into the delivery
 * row at commit, so every retry and replay sends (and signs) the same bytes.
 */
export function ticketEventBody(change: TicketChange, context: EventContext): string {
  const ticket = change.after
  return JSON.stringify({
    EventId: context.eventId,
    Timestamp: change.at,
    Changes: change.changedColumns,
    Event: eventOfChange(change),
    PrimaryKey: change.message?.after.TicketMessageId ?? change.ticketId,
    Entity: change.message ? 'ticketmessage' : 'ticket',
    ContextIdentifier: context.contextIdentifier,
    ChangedByAssociateId: change.actorId,
    WebhookName: context.webhookName,
    FieldValues: ticketColumnValues(ticket, fieldValueColumns),
  })
}

/** The `test` event sent to a target before its registration is accepted. */
export function testEventBody(context: EventContext, actorId: number, at: string): string {
  return JSON.stringify({
    EventId: context.eventId,
    Timestamp: at,
    Changes: [],
    Event: 'test',
    PrimaryKey: 0,
    Entity: 'webhook',
    ContextIdentifier: context.contextIdentifier,
    ChangedByAssociateId: actorId,
    WebhookName: context.webhookName,
    FieldValues: {},
  })
}
