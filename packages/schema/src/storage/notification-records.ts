import { type Static, Type } from '@sinclair/typebox'
import type { DbHint, TableSpec } from '@ticket/codegen'
import { JSON_COLUMN, Nullable, SKIP, Text, withDb } from '../common/types.ts'
import { Notification, NotificationDelivery } from '../entities/notification.ts'
import { Webhook, WebhookDelivery } from '../entities/webhook.ts'
import { omitProps } from './props.ts'

const reference = (column: string, table: string, targetColumn: string, key: string): DbHint => ({
  kind: 'reference',
  column,
  table,
  targetColumn,
  key,
  onDelete: 'cascade',
  index: true,
})

const dedupeKey = (description: string) =>
  withDb(Text(description, 400), { kind: 'column', unique: true })

/** Row of `notifications`: in-app notifications; one per event and recipient. */
export const NotificationRecord = Type.Object(
  {
    ...omitProps(Notification.properties, ['Read', 'AssociateId']),
    AssociateId: withDb(
      Notification.properties.AssociateId,
      reference('associate_id', 'associates', 'associate_id', 'AssociateId')
    ),
    Read: withDb(Notification.properties.Read, SKIP),
    DedupeKey: dedupeKey('Event key and recipient: a retried delivery cannot show twice.'),
  },
  { $id: 'NotificationRecord', description: 'Storage row of an in-app notification.' }
)
export type NotificationRecord = Static<typeof NotificationRecord>

/** Row of `notification_outbox`: written in the save transaction, delivered after commit. */
// The dispatchers poll for due rows; finished rows have no next attempt, so the index stays small.
const dueIndex = { kind: 'column', index: true } as const

export const NotificationDeliveryRecord = Type.Object(
  {
    ...NotificationDelivery.properties,
    NextAttemptAt: withDb(NotificationDelivery.properties.NextAttemptAt, dueIndex),
    DedupeKey: dedupeKey('Event key, channel and recipient: one delivery each.'),
    Address: Nullable(Text('Email address for the email channel.', 320)),
    Language: Text('Recipient language for the rendered text (US, NO, …).', 10),
    MessageId: Nullable(Text('Stable email Message-ID, the same on every retry.', 400)),
    Payload: withDb(
      Type.Record(Type.String(), Type.Unknown(), {
        description: 'What the message needs: ticket snapshot and actor, frozen at commit.',
      }),
      JSON_COLUMN
    ),
  },
  { $id: 'NotificationDeliveryRecord', description: 'Storage row of a notification delivery.' }
)
export type NotificationDeliveryRecord = Static<typeof NotificationDeliveryRecord>

/** Row of `webhooks`: the registration, including its secret. */
export const WebhookRecord = Type.Object(
  {
    ...omitProps(Webhook.properties, ['Events']),
    Events: withDb(Webhook.properties.Events, JSON_COLUMN),
  },
  { $id: 'WebhookRecord', description: 'Storage row of a webhook.' }
)
export type WebhookRecord = Static<typeof WebhookRecord>

/** Row of `webhook_deliveries`: the exact body sent, so retries and replays are byte-identical. */
export const WebhookDeliveryRecord = Type.Object(
  {
    ...omitProps(WebhookDelivery.properties, ['WebhookId', 'NextAttemptAt']),
    NextAttemptAt: withDb(WebhookDelivery.properties.NextAttemptAt, dueIndex),
    WebhookId: withDb(
      WebhookDelivery.properties.WebhookId,
      reference('webhook_id', 'webhooks', 'webhook_id', 'WebhookId')
    ),
    DedupeKey: dedupeKey('Webhook and event id: one delivery each.'),
    Body: Text('The JSON body, signed as sent.', 1_000_000),
  },
  { $id: 'WebhookDeliveryRecord', description: 'Storage row of a webhook delivery.' }
)
export type WebhookDeliveryRecord = Static<typeof WebhookDeliveryRecord>

export const notificationTables: TableSpec[] = [
  {
    name: 'notifications',
    schema: NotificationRecord,
    primaryKey: ['NotificationId'],
    autoIncrement: true,
  },
  {
    name: 'notification_outbox',
    schema: NotificationDeliveryRecord,
    primaryKey: ['DeliveryId'],
    autoIncrement: true,
  },
  { name: 'webhooks', schema: WebhookRecord, primaryKey: ['WebhookId'], autoIncrement: true },
  {
    name: 'webhook_deliveries',
    schema: WebhookDeliveryRecord,
    primaryKey: ['DeliveryId'],
    autoIncrement: true,
  },
]
