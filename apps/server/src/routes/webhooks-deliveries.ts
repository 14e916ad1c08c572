import { DeliveryIdParams, WebhookIdParam } from '@ticket/schema'
import { and, desc, eq } from 'drizzle-orm'
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { compileParamsParser } from '../http/parse-input.ts'
import { sendEntity } from '../http/send-entity.ts'
import { requireAdmin } from '../webhooks/request-input.ts'
import { deliveryToWire } from '../webhooks/to-wire.ts'
import { notFoundWebhook, type WebhookRoutesDeps } from './webhooks.ts'

const webhookId = compileParamsParser(WebhookIdParam, 'path')
const deliveryIds = compileParamsParser(DeliveryIdParams, 'path')

/** The delivery log of a webhook and the replay of one event. */
export function registerWebhookDeliveryRoutes(app: Hono<AppEnv>, deps: WebhookRoutesDeps) {
  const { store, now, wake } = deps
  const t = store.tables
  const d = t.webhookDeliveries

  app.get('/api/v1/Webhook/:id/Deliveries', async (c) => {
    const { id } = webhookId(c.req.param())
    const [hook] = await store.db
      .select({ id: t.webhooks.webhookId })
      .from(t.webhooks)
      .where(eq(t.webhooks.webhookId, id))
    if (!hook) {
      throw notFoundWebhook(id)
    }
    const rows = await store.db
      .select()
      .from(d)
      .where(eq(d.webhookId, id))
      .orderBy(desc(d.deliveryId))
    return sendEntity(c, rows.map(deliveryToWire), 'WebhookDelivery')
  })

  app.post('/api/v1/Webhook/:id/Deliveries/:deliveryId/Replay', async (c) => {
    requireAdmin(c, 'replay webhook events')
    const { id, deliveryId } = deliveryIds(c.req.param())
    const replayed = await store.transaction(async (tx) => {
      const [row] = await tx
        .select({ status: d.status })
        .from(d)
        .where(and(eq(d.deliveryId, deliveryId), eq(d.webhookId, id)))
      if (!row) {
        throw new ApiError('NOT_FOUND', `Webhook ${id} has no delivery ${deliveryId}.`)
      }
      if (row.status === 'pending') {
        throw new ApiError('CONFLICT', `Delivery ${deliveryId} is still pending; it will be sent.`)
      }
      // Same EventId and body; the tries start over so the replay gets the full retry budget.
      const [queued] = await tx
        .update(d)
        .set({ status: 'pending', tries: 0, nextAttemptAt: now().toISOString(), deliveredAt: null })
        .where(and(eq(d.deliveryId, deliveryId), eq(d.status, row.status)))
        .returning()
      return queued
    })
    if (!replayed) {
      throw new ApiError('CONFLICT', `Delivery ${deliveryId} changed meanwhile; try again.`)
    }
    wake()
    return sendEntity(c, deliveryToWire(replayed), 'WebhookDelivery', 202)
  })
}
