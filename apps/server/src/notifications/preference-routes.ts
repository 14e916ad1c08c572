import { ops } from '@ticket/schema'
import { eq } from 'drizzle-orm'
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { tablesOf } from '../db/tables-of.ts'
import { route } from '../http/route.ts'
import { effectivePreferences, readPreferences } from './preferences.ts'
import type { NotificationRouteDeps } from './route-deps.ts'

export function registerNotificationPreferenceRoutes(
  app: Hono<AppEnv>,
  { store }: NotificationRouteDeps
) {
  const { associates } = tablesOf(store.db)

  route(app, ops.GetNotificationPreferences, async (c, { send }) => {
    const [row] = await store.reader
      .select({ preferences: associates.preferences })
      .from(associates)
      .where(eq(associates.associateId, c.get('caller').associateId))
    return send(effectivePreferences(readPreferences(row?.preferences)))
  })

  route(app, ops.PutNotificationPreferences, async (c, { body: preferences, send }) => {
    const { associateId } = c.get('caller')
    const announce = await store.transaction(async (tx) => {
      await tx
        .update(associates)
        .set({ preferences })
        .where(eq(associates.associateId, associateId))
      // Saves plan notifications from the preferences every process holds in memory.
      return store.changes.stage(tx, 'preferences', String(associateId))
    })
    announce()
    return send(effectivePreferences(preferences))
  })
}
