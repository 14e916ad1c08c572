import { NotificationIdParam, NotificationListQuery } from '@ticket/schema'
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm'
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import type { Store } from '../db/store.ts'
import { ApiError } from '../http/api-error.ts'
import { compileParamsParser } from '../http/parse-input.ts'
import { sendEntity } from '../http/send-entity.ts'
import type { LiveHub } from '../notifications/live-hub.ts'
import { toNotification } from '../notifications/to-wire.ts'
import { registerNotificationLogRoutes } from './notifications-log.ts'
import { registerNotificationPreferenceRoutes } from './notifications-preferences.ts'
import { registerNotificationStreamRoutes } from './notifications-stream.ts'

export interface NotificationRouteDeps {
  store: Store
  hub: LiveHub
  now: () => Date
  /** Interval of the keep-alive comment on the live stream. */
  heartbeatMs: number
}

/** Every notification route: in-app list and read, live stream, preferences, delivery log. */
export function registerNotificationRoutes(app: Hono<AppEnv>, deps: NotificationRouteDeps) {
  registerNotificationStreamRoutes(app, deps)
  registerNotificationPreferenceRoutes(app, deps)
  registerNotificationListRoutes(app, deps)
  registerNotificationLogRoutes(app, deps)
}

const parseList = compileParamsParser(NotificationListQuery, 'query')
const parseId = compileParamsParser(NotificationIdParam, 'path')

function registerNotificationListRoutes(app: Hono<AppEnv>, { store, now }: NotificationRouteDeps) {
  const { notifications: n, associates } = store.tables

  app.get('/api/v1/Notification', async (c) => {
    const caller = c.get('caller')
    const query = parseList(c.req.query())
    const associateId = query.associateId ?? caller.associateId
    if (associateId !== caller.associateId) {
      if (!caller.isAdmin) {
        throw new ApiError('FORBIDDEN', "Only an associate with full rights may list another's.")
      }
      const [known] = await store.db
        .select({ id: associates.associateId })
        .from(associates)
        .where(eq(associates.associateId, associateId))
      if (!known) {
        throw new ApiError('NOT_FOUND', `Associate ${associateId} does not exist.`)
      }
    }
    const readFilter =
      query.unread === undefined ? undefined : query.unread ? isNull(n.readAt) : isNotNull(n.readAt)
    const rows = await store.db
      .select()
      .from(n)
      .where(and(eq(n.associateId, associateId), readFilter))
      .orderBy(desc(n.createdAt), desc(n.notificationId))
      .limit(query.$top ?? 100)
      .offset(query.$skip ?? 0)
    return sendEntity(c, rows.map(toNotification), 'Notification')
  })

  app.post('/api/v1/Notification/:id/Read', async (c) => {
    const caller = c.get('caller')
    const { id } = parseId(c.req.param())
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
