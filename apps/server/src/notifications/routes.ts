import { ops } from '@ticket/schema'
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm'
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { requireFullRights } from '../auth/full-rights.ts'
import { tablesOf } from '../db/tables-of.ts'
import { ApiError } from '../http/api-error.ts'
import { route } from '../http/route.ts'
import { registerNotificationLogRoutes } from './log-routes.ts'
import { registerNotificationPreferenceRoutes } from './preference-routes.ts'
import type { NotificationRouteDeps } from './route-deps.ts'
import { registerNotificationStreamRoutes } from './stream-routes.ts'
import { toNotification } from './to-wire.ts'

/** Every notification route: in-app list and read, live stream, preferences, delivery log. */
export function registerNotificationRoutes(app: Hono<AppEnv>, deps: NotificationRouteDeps) {
  registerNotificationStreamRoutes(app, deps)
  registerNotificationPreferenceRoutes(app, deps)
  registerNotificationListRoutes(app, deps)
  registerNotificationLogRoutes(app, deps)
}

function registerNotificationListRoutes(app: Hono<AppEnv>, { store, now }: NotificationRouteDeps) {
  const { notifications: n, associates } = tablesOf(store.db)

  route(app, ops.ListNotifications, async (c, { query, send }) => {
    const caller = c.get('caller')
    const associateId = query.associateId ?? caller.associateId
    if (associateId !== caller.associateId) {
      requireFullRights(caller, "list another associate's notifications")
      const [known] = await store.reader
        .select({ id: associates.associateId })
        .from(associates)
        .where(eq(associates.associateId, associateId))
      if (!known) {
        throw new ApiError('NOT_FOUND', `Associate ${associateId} does not exist.`)
      }
    }
    const readFilter =
      query.unread === undefined ? undefined : query.unread ? isNull(n.readAt) : isNotNull(n.readAt)
    const rows = await store.reader
      .select()
      .from(n)
      .where(and(eq(n.associateId, associateId), readFilter))
      .orderBy(desc(n.createdAt), desc(n.notificationId))
      .limit(query.$top ?? 100)
      .offset(query.$skip ?? 0)
    return send(rows.map(toNotification))
  })

  route(app, ops.MarkNotificationRead, async (c, { params: { id } }) => {
    const caller = c.get('caller')
    const found = await store.transaction(async (tx) => {
      const [row] = await tx
        .select({ readAt: n.readAt })
        .from(n)
        .where(and(eq(n.notificationId, id), eq(n.associateId, caller.associateId)))
      if (row?.readAt === null) {
        await tx.update(n).set({ readAt: now().toISOString() }).where(eq(n.notificationId, id))
      }
      return row !== undefined
    })
    if (!found) {
      throw new ApiError('NOT_FOUND', `You have no notification ${id}.`)
    }
    return c.body(null, 204)
  })
}
