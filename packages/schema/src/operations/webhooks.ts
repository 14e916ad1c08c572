import { Type } from '@sinclair/typebox'
import { Webhook, WebhookDelivery } from '../model.ts'
import { commonErrors as errors, problem } from './common.ts'
import { defineOperations } from './define.ts'

const INT32_MAX = 2147483647
const tags = ['Webhook']
const json = ['application/json', 'text/json']

/**
 * The body of `POST /api/v1/Webhook`: the registration fields of {@link Webhook}; `State` defaults
 * to `Active` (or `Stopped`), `Type` to `webhook`.
 * @example { Name: 'crm-sync', Events: ['ticket.created'], TargetUrl: 'https://example.com/hook', Secret: 's3cret', State: 'Active', Type: 'webhook' }
 */
export const WebhookRegistration = Type.Object(
  {
    Name: Webhook.properties.Name,
    Events: Webhook.properties.Events,
    TargetUrl: Webhook.properties.TargetUrl,
    Secret: Webhook.properties.Secret,
    State: Type.Optional(Webhook.properties.State),
    Type: Type.Optional(Webhook.properties.Type),
  },
  { $id: 'WebhookRegistration', description: 'A new webhook registration.' }
)

export const WebhookIdParam = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: INT32_MAX, description: 'The WebhookId.' }),
})

export const DeliveryIdParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: INT32_MAX, description: 'The WebhookId.' }),
  deliveryId: Type.Integer({ minimum: 1, maximum: INT32_MAX, description: 'The DeliveryId.' }),
})

/** A webhook as returned: never with its `Secret`. */
export const WebhookView = Type.Omit(Webhook, ['Secret'], {
  $id: 'WebhookView',
  description: 'A webhook as returned: without its Secret.',
})

const adminOnly = problem('Only associates with full rights may do this.')
const unknownWebhook = problem('The webhook does not exist.')

/** The webhook resource (see docs/decisions.md). */
export const webhookOps = defineOperations({
  Webhook_Create: {
    method: 'post',
    path: '/api/v1/Webhook',
    summary: 'Registers a webhook after its target accepted a test event',
    description:
      'POSTs a signed `test` event to `TargetUrl` first and refuses the registration (400) unless the target answers 200. Administrators only.',
    tags,
    body: { schema: WebhookRegistration, mediaTypes: json, required: true },
    responses: {
      201: { description: 'The registered webhook (without Secret).', schema: WebhookView },
      ...errors,
      403: adminOnly,
      503: problem(
        'Webhooks cannot be registered: the server has no `TICKET_SECRET_KEY` to seal secrets with.'
      ),
    },
  },
  Webhook_GetAll: {
    method: 'get',
    path: '/api/v1/Webhook',
    summary: 'Lists the registered webhooks',
    tags,
    responses: {
      200: { description: 'Every webhook (without Secret).', schema: Type.Array(WebhookView) },
      ...errors,
    },
  },
  Webhook_Get: {
    method: 'get',
    path: '/api/v1/Webhook/{id}',
    summary: 'Gets a webhook',
    tags,
    params: WebhookIdParam,
    responses: {
      200: { description: 'The webhook (without Secret).', schema: WebhookView },
      ...errors,
      404: unknownWebhook,
    },
  },
  Webhook_Delete: {
    method: 'delete',
    path: '/api/v1/Webhook/{id}',
    summary: 'Deletes a webhook and its delivery log',
    tags,
    params: WebhookIdParam,
    responses: { 204: { description: 'Deleted.' }, ...errors, 403: adminOnly, 404: unknownWebhook },
  },
  Webhook_GetDeliveries: {
    method: 'get',
    path: '/api/v1/Webhook/{id}/Deliveries',
    summary: 'The delivery log of a webhook, newest first',
    description:
      'Every event queued for the webhook with its status (pending, delivered, dead), tries and last error. Dead events stay here for replay.',
    tags,
    params: WebhookIdParam,
    responses: {
      200: { description: 'The deliveries.', schema: Type.Array(WebhookDelivery) },
      ...errors,
      404: unknownWebhook,
    },
  },
  Webhook_ReplayDelivery: {
    method: 'post',
    path: '/api/v1/Webhook/{id}/Deliveries/{deliveryId}/Replay',
    summary: 'Queues a delivered or dead event again, with the same EventId and body',
    tags,
    params: DeliveryIdParams,
    responses: {
      202: { description: 'Queued; the delivery as it is now.', schema: WebhookDelivery },
      ...errors,
      403: adminOnly,
      404: problem('The webhook or the delivery does not exist.'),
      409: problem('The delivery is still pending.'),
    },
  },
})
