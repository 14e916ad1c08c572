import { ops } from '@ticket/schema'
import { asc, eq } from 'drizzle-orm'
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { tablesOf } from '../db/tables-of.ts'
import { ApiError } from '../http/api-error.ts'
import { route } from '../http/route.ts'
import type { NotificationRouteDeps } from './route-deps.ts'
import { toDelivery } from './to-wire.ts'

export function registerNotificationLogRoutes(app: Hono<AppEnv>, { store }: NotificationRouteDeps) {
  const { tickets, notificationOutbox: outbox } = tablesOf(store.db)

  route(app, ops.GetTicketNotifications, async (_c, { params: { id }, send }) => {
    const [ticket] = await store.reader
      .select({ deletedAt: tickets.deletedAt })
      .from(tickets)
      .where(eq(tickets.ticketId, id))
    if (!ticket || ticket.deletedAt !== null) {
      throw new ApiError('NOT_FOUND', `Ticket ${id} does not exist.`)
    }
    const rows = await store.reader
      .select()
      .from(outbox)
      .where(eq(outbox.ticketId, id))
      .orderBy(asc(outbox.deliveryId))
    return send(rows.map(toDelivery))
  })
}
