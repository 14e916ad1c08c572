import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import type { Store } from './db/store.ts'
import type { Env } from './env.ts'
import { ApiError } from './http/api-error.ts'
import { createErrorHandler } from './http/handle-error.ts'
import type { Logger } from './logger.ts'
import { registerDocsRoutes } from './routes/docs.ts'
import { registerHealthRoutes } from './routes/health.ts'

/** What the app needs from the outside world; tests pass their own. */
export interface AppDeps {
  env: Env
  store: Store
  logger: Logger
}

export type AppEnv = { Variables: { requestId: string } }

/**
 * Builds the HTTP application. No I/O happens here: the store is already open.
 * @example const app = createApp({ env, store, logger }); await app.request('/healthz')
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  app.use(requestId())
  app.onError(createErrorHandler(deps.logger))
  app.notFound((c) => {
    throw new ApiError('NOT_FOUND', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`)
  })
  registerHealthRoutes(app, deps)
  registerDocsRoutes(app)
  return app
}

export type App = ReturnType<typeof createApp>
