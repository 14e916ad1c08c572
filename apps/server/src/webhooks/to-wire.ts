import type { Static } from '@sinclair/typebox'
import type { Webhook, WebhookDelivery, WebhookView } from '@ticket/schema'
import { webhookDeliveriesProjection, webhooksProjection } from '../db/projection.gen.ts'
import { columnsToProperties } from '../db/projection-map.ts'
import type { Tables } from '../db/store.ts'
import type { DeliveryRow } from './delivery-queries.ts'

export type WebhookRow = Tables['webhooks']['$inferSelect']

/** A webhook as the API returns it: the secret never leaves the server. */
export function webhookToWire(row: WebhookRow): Static<typeof WebhookView> {
  const { Secret: _secret, ...view } = columnsToProperties(webhooksProjection, row)
  return view as Omit<Webhook, 'Secret'>
}

/** A delivery log line; the stored body and its dedupe key stay internal. */
export function deliveryToWire(row: DeliveryRow): WebhookDelivery {
  const {
    DedupeKey: _key,
    Body: _body,
    ...line
  } = columnsToProperties(webhookDeliveriesProjection, row)
  return { ...line, WebhookId: row.webhookId } as WebhookDelivery
}
