import type { MiddlewareHandler } from 'hono'
import { addHeaderStep, isCompleteAnswer } from './complete-answer.ts'

const privateNoCache = 'private, no-cache'

/**
 * API answers depend on who asks: no shared cache may keep them, and a private cache must ask
 * again (with the ETag) before reusing one. A route that needs stricter (`no-store` for a
 * freshly issued secret) sets its own.
 */
export const privateAnswers: MiddlewareHandler = async (c, next) => {
  addHeaderStep(c, (headers) => {
    headers['cache-control'] ??= privateNoCache
  })
  await next()
  if (!isCompleteAnswer(c.res) && !c.res.headers.has('cache-control')) {
    c.res.headers.set('cache-control', privateNoCache)
  }
}
