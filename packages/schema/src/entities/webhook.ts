import { type Static, Type } from '@sinclair/typebox'
import { DateTime, Int32, NameEnum, Nullable, Text } from '../common/types.ts'

export const WebhookEvent = NameEnum(
  'WebhookEvent',
  [
    'ticket.created',
    'ticket.changed',
    'ticket.deleted',
    'ticketmessage.created',
    'ticketmessage.changed',
  ] as const,
  { description: 'An event a webhook may subscribe to.' }
)
export type WebhookEvent = Static<typeof WebhookEvent>

export const WebhookState = NameEnum(
  'WebhookState',
  ['Active', 'Stopped', 'TooManyErrors'] as const,
  {
    description: 'Active hooks receive events; the others do not.',
  }
)

/**
 * A webhook registration, SuperOffice style (`automation/webhook`). `Secret` is write-only: it is
 * never returned.
 * @example { Name: 'crm-sync', Events: ['ticket.created'], TargetUrl: 'https://example.com/hook', Secret: 's3cret', State: 'Active', Type: 'webhook' }
 */
export const Webhook = Type.Object(
  {
    WebhookId: Int32('The primary key.', { readOnly: true }),
    Name: Text('A name for the hook.', 255),
    Events: Type.Array(WebhookEvent, {
      description: 'The events delivered to the target.',
      minItems: 1,
    }),
    TargetUrl: Text('The http or https URL the events are POSTed to.', 2000),
    Secret: Text('Key for the X-SuperOffice-Signature HMAC-SHA256; write-only.', 255, {
      writeOnly: true,
    }),
    State: WebhookState,
    Type: Text('The delivery type; only "webhook".', 50),
    Registered: DateTime({ description: 'When the hook was registered.', readOnly: true }),
    RegisteredAssociateId: Int32('Who registered it.', { readOnly: true }),
  },
  { $id: 'Webhook', description: 'A webhook registration.' }
)
export type Webhook = Static<typeof Webhook>

/**
 * One event for one webhook, with its delivery state; kept for replay, even when it failed.
 */
export const WebhookDelivery = Type.Object(
  {
    DeliveryId: Int32('The primary key.'),
    WebhookId: Int32('The webhook.'),
    EventId: Text('Stable identity of the event; the same across every retry.', 100),
    Event: Text('ticket.created, ticket.changed, ticket.deleted or test.', 50),
    Status: NameEnum('WebhookDeliveryStatus', ['pending', 'delivered', 'dead'] as const, {
      description: 'pending: waiting or retrying; delivered; dead: gave up (replayable).',
    }),
    Tries: Int32('Attempts so far.'),
    LastStatusCode: Nullable(Type.Integer(), { description: 'HTTP status of the last attempt.' }),
    LastError: Nullable(Type.String({ maxLength: 2000 }), {
      description: 'The last failure, if any.',
    }),
    CreatedAt: DateTime({ description: 'When the change committed.' }),
    NextAttemptAt: DateTime({ description: 'When the next try is due; null when finished.' }),
    DeliveredAt: DateTime({ description: 'When the target answered 2xx.' }),
  },
  { $id: 'WebhookDelivery', description: 'A webhook delivery and its state.' }
)
export type WebhookDelivery = Static<typeof WebhookDelivery>
