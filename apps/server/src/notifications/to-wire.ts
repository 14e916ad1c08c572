import type { Notification, NotificationDelivery } from '@ticket/schema'
import type { Tables } from '../db/store.ts'
import type { OutboxRow } from './outbox-queries.ts'

type NotificationRow = Tables['notifications']['$inferSelect']

export function toNotification(row: NotificationRow): Notification {
  return {
    NotificationId: row.notificationId,
    AssociateId: row.associateId,
    TicketId: row.ticketId,
    Event: row.event,
    Title: row.title,
    Body: row.body,
    Link: row.link,
    CreatedAt: row.createdAt,
    ReadAt: row.readAt,
    Read: row.readAt !== null,
  }
}

export function toDelivery(row: OutboxRow): NotificationDelivery {
  return {
    DeliveryId: row.deliveryId,
    TicketId: row.ticketId,
    Event: row.event,
    EventKey: row.eventKey,
    Channel: row.channel,
    RecipientAssociateId: row.recipientAssociateId,
    Recipient: row.recipient,
    Status: row.status,
    Tries: row.tries,
    LastError: row.lastError,
    CreatedAt: row.createdAt,
    NextAttemptAt: row.nextAttemptAt,
    DeliveredAt: row.deliveredAt,
  }
}
