import type { Hono } from 'hono'
import type { AppDeps } from '../app.ts'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'

export function registerHealthRoutes(app: Hono<AppEnv>, deps: Pick<AppDeps, 'store'>) {
  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', async (c) => {
    try {
      await deps.store.ping()
    } catch (cause) {
      throw new ApiError('INTERNAL', 'database unreachable', { cause })
    }
    return c.json({ status: 'ready', database: deps.store.dialect })
  })
}
