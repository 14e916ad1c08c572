import { NotificationPreferences } from '@ticket/schema'
import { eq } from 'drizzle-orm'
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { compileBodyParser } from '../http/parse-input.ts'
import { readRequestBody } from '../http/read-body.ts'
import { sendEntity } from '../http/send-entity.ts'
import { effectivePreferences, readPreferences } from '../notifications/preferences.ts'
import type { NotificationRouteDeps } from './notifications.ts'

const parsePreferences = compileBodyParser(NotificationPreferences)

export function registerNotificationPreferenceRoutes(
  app: Hono<AppEnv>,
  { store }: NotificationRouteDeps
) {
  const { associates } = store.tables

  app.get('/api/v1/Notification/Preferences', async (c) => {
    const [row] = await store.db
      .select({ preferences: associates.preferences })
      .from(associates)
      .where(eq(associates.associateId, c.get('caller').associateId))
    return sendEntity(
      c,
      effectivePreferences(readPreferences(row?.preferences)),
      'NotificationPreferences'
    )
  })

  app.put('/api/v1/Notification/Preferences', async (c) => {
    const preferences = parsePreferences((await readRequestBody(c)).value)
    await store.transaction((tx) =>
      tx
        .update(associates)
        .set({ preferences })
        .where(eq(associates.associateId, c.get('caller').associateId))
    )
    return sendEntity(c, effectivePreferences(preferences), 'NotificationPreferences')
  })
}
