import { ops } from '@ticket/schema'
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import type { Store } from '../db/store.ts'
import { ApiError } from '../http/api-error.ts'
import { completeAnswer } from '../http/complete-answer.ts'
import { route } from '../http/route.ts'
import type { Readiness } from '../process/readiness.ts'

const notReady = {
  starting: 'The server is starting (migrating or seeding the database).',
  draining: 'The server is draining for shutdown.',
} as const

/**
 * `/healthz`: the process answers. `/readyz`: it should be sent work: 503 while starting or
 * draining, or while the database does not answer. Before the store is open only `readiness`
 * is known.
 */
export function registerHealthRoutes(
  app: Hono<AppEnv>,
  deps: { store?: Pick<Store, 'ping' | 'dialect'>; readiness?: Readiness }
) {
  route(app, ops.Healthz, (c) =>
    completeAnswer(c, JSON.stringify({ status: 'ok' }), 200, { 'content-type': 'application/json' })
  )
  route(app, ops.Readyz, async (c) => {
    const state = deps.readiness?.state ?? 'ready'
    if (state !== 'ready') {
      throw new ApiError('SERVICE_UNAVAILABLE', notReady[state], {
        headers: { 'Retry-After': '1' },
      })
    }
    if (!deps.store) {
      throw new ApiError('SERVICE_UNAVAILABLE', notReady.starting)
    }
    try {
      await deps.store.ping()
    } catch (cause) {
      throw new ApiError('SERVICE_UNAVAILABLE', 'The database does not answer.', {
        cause,
        headers: { 'Retry-After': '1' },
      })
    }
    return c.json({ status: 'ready', database: deps.store.dialect })
  })
}
