import { TicketIdParam } from '@ticket/schema'
import { asc, eq } from 'drizzle-orm'
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { compileParamsParser } from '../http/parse-input.ts'
import { sendEntity } from '../http/send-entity.ts'
import { toDelivery } from '../notifications/to-wire.ts'
import type { NotificationRouteDeps } from './notifications.ts'

const parseId = compileParamsParser(TicketIdParam, 'path')

export function registerNotificationLogRoutes(app: Hono<AppEnv>, { store }: NotificationRouteDeps) {
  const { tickets, notificationOutbox: outbox } = store.tables

  app.get('/api/v1/Ticket/:id/Notifications', async (c) => {
    const { id } = parseId(c.req.param())
    const [ticket] = await store.db
      .select({ deletedAt: tickets.deletedAt })
      .from(tickets)
      .where(eq(tickets.ticketId, id))
    if (!ticket || ticket.deletedAt !== null) {
      throw new ApiError('NOT_FOUND', `Ticket ${id} does not exist.`)
    }
    const rows = await store.db
      .select()
      .from(outbox)
      .where(eq(outbox.ticketId, id))
      .orderBy(asc(outbox.deliveryId))
    return sendEntity(c, rows.map(toDelivery), 'NotificationDelivery')
  })
}
