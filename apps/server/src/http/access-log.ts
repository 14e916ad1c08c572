import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { AppEnv } from '../app-env.ts'
import type { Logger } from '../logger.ts'
import { addHeaderStep, isCompleteAnswer, openCompleteAnswer } from './complete-answer.ts'
import { requestHeader } from './request-header.ts'

const requestIdHeader = 'X-Request-Id'
/** A caller's own id is kept when it is short and plain; otherwise the server makes one. */
const acceptableId = /^[\w\-=]{1,255}$/

/**
 * The outermost middleware: gives every request an id (the caller's `X-Request-Id` or a new
 * UUID), puts it on every response (errors included, since it runs after the error handler),
 * and writes one access-log line per request. At `debug` the line also carries the request
 * headers, with credentials redacted by the logger.
 */
export function accessLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    const offered = requestHeader(c, 'x-request-id')
    const id = offered && acceptableId.test(offered) ? offered : crypto.randomUUID()
    c.set('requestId', id)
    openCompleteAnswer(c)
    addHeaderStep(c, (headers) => {
      headers['x-request-id'] = id
    })
    await next()
    if (!isCompleteAnswer(c.res)) {
      setHeader(c, requestIdHeader, id)
    }
    const fields: Record<string, unknown> = {
      requestId: id,
      method: c.req.method,
      route: servedRoute(c),
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    }
    if (logger.isDebug()) {
      fields.headers = Object.fromEntries(c.req.raw.headers)
    }
    logger.info('request', fields)
  }
}

/** The route pattern of the handler that answered (`/api/v1/Ticket/:id`), not the raw path. */
function servedRoute(c: Context): string | undefined {
  const route = matchedRoutes(c)[c.req.routeIndex]
  // Middleware is registered for every method; a request no route answered ends on one.
  return route && route.method !== 'ALL' ? route.path : undefined
}

/** Response headers of a fetched or cloned response may be immutable: copy when they are. */
function setHeader(c: Context, name: string, value: string) {
  try {
    c.res.headers.set(name, value)
  } catch {
    const copy = new Response(c.res.body, c.res)
    copy.headers.set(name, value)
    c.res = copy
  }
}
