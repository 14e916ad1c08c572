import { type Static, Type } from '@sinclair/typebox'
import { Bool, DateTime, Int32, NameEnum, Nullable, Text } from '../common/types.ts'

/**
 * Why someone is told about a ticket (see docs/decisions.md). Also the keys of an associate's
 * notification preferences.
 */
export const NotificationEvent = NameEnum(
  'NotificationEvent',
  [
    'NewTicket',
    'TicketTakenOver',
    'TicketActivated',
    'CategoryNewTicket',
    'NotificationEmail',
    'NewMessage',
    'TicketEscalated',
  ] as const,
  { description: 'The rule that produced the notification.' }
)
export type NotificationEvent = Static<typeof NotificationEvent>

/**
 * An in-app notification as the signed-in associate sees it.
 * @example { NotificationId: 3, Event: 'NewTicket', TicketId: 12, Title: 'New request: Printer on fire', Read: false }
 */
export const Notification = Type.Object(
  {
    NotificationId: Int32('The primary key.'),
    AssociateId: Int32('The associate notified.'),
    TicketId: Int32('The ticket the notification is about.'),
    Event: NotificationEvent,
    Title: Text('One-line summary in the recipient language.', 500),
    Body: Text('Longer text in the recipient language.', 4000),
    Link: Text('Where the ticket can be opened.', 1000),
    CreatedAt: DateTime({
      description: 'When the notification was created (commit time of the save).',
    }),
    ReadAt: DateTime({ description: 'When the associate marked it read; null while unread.' }),
    Read: Bool('True once marked read.'),
  },
  { $id: 'Notification', description: 'An in-app notification.' }
)
export type Notification = Static<typeof Notification>

export const DeliveryChannel = NameEnum('DeliveryChannel', ['inapp', 'email'] as const, {
  description: 'The channel a notification goes out on.',
})
export type DeliveryChannel = Static<typeof DeliveryChannel>

export const DeliveryStatus = NameEnum(
  'DeliveryStatus',
  ['pending', 'delivered', 'dead', 'skipped'] as const,
  {
    description:
      'pending: waiting or retrying; delivered; dead: gave up after the last try; skipped: the channel is off.',
  }
)
export type DeliveryStatus = Static<typeof DeliveryStatus>

/**
 * One line of a ticket's notification delivery log.
 * @example { Channel: 'email', Recipient: 'anna@example.com', Status: 'delivered', Tries: 2 }
 */
export const NotificationDelivery = Type.Object(
  {
    DeliveryId: Int32('The primary key.'),
    TicketId: Int32('The ticket.'),
    Event: NotificationEvent,
    EventKey: Text('Stable identity of the event; the same across retries.', 200),
    Channel: DeliveryChannel,
    RecipientAssociateId: Nullable(Type.Integer(), {
      description: 'The associate, when the recipient is one.',
    }),
    Recipient: Text('Associate name or email address.', 320),
    Status: DeliveryStatus,
    Tries: Int32('Delivery attempts so far.'),
    LastError: Nullable(Type.String({ maxLength: 2000 }), {
      description: 'The last failure, if any.',
    }),
    CreatedAt: DateTime({ description: 'When the save that caused it committed.' }),
    NextAttemptAt: DateTime({ description: 'When the next try is due; null when finished.' }),
    DeliveredAt: DateTime({ description: 'When it was delivered.' }),
  },
  { $id: 'NotificationDelivery', description: 'A notification delivery and its state.' }
)
export type NotificationDelivery = Static<typeof NotificationDelivery>
