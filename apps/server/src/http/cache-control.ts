import type { MiddlewareHandler } from 'hono'

/**
 * API answers depend on who asks: no shared cache may keep them, and a private cache must ask
 * again (with the ETag) before reusing one. A route that needs stricter (`no-store` for a
 * freshly issued secret) sets its own.
 */
export const privateAnswers: MiddlewareHandler = async (c, next) => {
  await next()
  if (!c.res.headers.has('cache-control')) {
    c.res.headers.set('cache-control', 'private, no-cache')
  }
}
