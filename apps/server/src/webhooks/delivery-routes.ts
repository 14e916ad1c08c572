import { ops } from '@ticket/schema'
import { and, desc, eq } from 'drizzle-orm'
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { fullRights } from '../auth/full-rights.ts'
import { tablesOf } from '../db/tables-of.ts'
import { ApiError } from '../http/api-error.ts'
import { route } from '../http/route.ts'
import { notFoundWebhook, type WebhookRoutesDeps } from './routes.ts'
import { deliveryToWire } from './to-wire.ts'

/** The delivery log of a webhook and the replay of one event. */
export function registerWebhookDeliveryRoutes(app: Hono<AppEnv>, deps: WebhookRoutesDeps) {
  const { store, now, wake } = deps
  const t = tablesOf(store.db)
  const d = t.webhookDeliveries

  route(app, ops.Webhook_GetDeliveries, async (_c, { params: { id }, send }) => {
    const [hook] = await store.reader
      .select({ id: t.webhooks.webhookId })
      .from(t.webhooks)
      .where(eq(t.webhooks.webhookId, id))
    if (!hook) {
      throw notFoundWebhook(id)
    }
    const rows = await store.reader
      .select()
      .from(d)
      .where(eq(d.webhookId, id))
      .orderBy(desc(d.deliveryId))
    return send(rows.map(deliveryToWire))
  })

  route(
    app,
    ops.Webhook_ReplayDelivery,
    async (_c, { params: { id, deliveryId }, send }) => {
      const replayed = await store.transaction(async (tx) => {
        const [row] = await tx
          .select({ status: d.status })
          .from(d)
          .where(and(eq(d.deliveryId, deliveryId), eq(d.webhookId, id)))
        if (!row) {
          throw new ApiError('NOT_FOUND', `Webhook ${id} has no delivery ${deliveryId}.`)
        }
        if (row.status === 'pending') {
          throw new ApiError(
            'CONFLICT',
            `Delivery ${deliveryId} is still pending; it will be sent.`
          )
        }
        // Same EventId and body; the tries start over so the replay gets the full retry budget.
        const [queued] = await tx
          .update(d)
          .set({
            status: 'pending',
            tries: 0,
            nextAttemptAt: now().toISOString(),
            deliveredAt: null,
          })
          .where(and(eq(d.deliveryId, deliveryId), eq(d.status, row.status)))
          .returning()
        return queued
      })
      if (!replayed) {
        throw new ApiError('CONFLICT', `Delivery ${deliveryId} changed meanwhile; try again.`)
      }
      wake()
      return send(deliveryToWire(replayed))
    },
    { guard: fullRights('replay webhook events') }
  )
}
