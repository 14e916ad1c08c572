import { type Context, Hono, type Next } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppDeps } from './app-deps.ts'
import type { AppEnv } from './app-env.ts'
import { createAuthenticate } from './auth/authenticate.ts'
import { accessLog } from './http/access-log.ts'
import { routingPath } from './http/agent-paths.ts'
import { ApiError } from './http/api-error.ts'
import { privateAnswers } from './http/cache-control.ts'
import { compression } from './http/compression.ts'
import { createErrorHandler } from './http/handle-error.ts'
import { requestHeader } from './http/request-header.ts'
import { assertEveryOperationServed } from './http/route.ts'
import { corsFor, corsOrigins, securityHeaders } from './http/security-headers.ts'
import { idempotency } from './idempotency/idempotency.ts'
import { localeMiddleware } from './locale/request-locale.ts'
import type { CoreDeps } from './modules/service-module.ts'
import type { Readiness } from './process/readiness.ts'
import { registerDocsRoutes } from './routes/docs.ts'
import { registerHealthRoutes } from './routes/health.ts'
import { registerApiRoutes } from './routes/index.ts'

/**
 * Builds the HTTP application. No I/O happens here: the store is already open.
 * @example const app = createApp(deps); await app.request('/healthz')
 */
export function createApp(deps: AppDeps) {
  const app = baseApp(
    deps.logger,
    (c) => new ApiError('NOT_FOUND', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`)
  )
  app.use(corsFor(corsOrigins(deps.env.TICKET_CORS_ORIGINS)))
  registerHealthRoutes(app, deps)
  registerDocsRoutes(app)

  app.use('/api/*', privateAnswers)
  app.use('/api/*', localeMiddleware)
  const limitOf = (maxSize: number) => {
    const tooLarge = () => {
      // The rest of the body is not read: the connection cannot carry another request.
      throw new ApiError('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxSize} bytes.`, {
        headers: { Connection: 'close' },
      })
    }
    const streamed = bodyLimit({ maxSize, onError: tooLarge })
    return (c: Context, next: Next) => {
      // A declared length is checked from the header alone, as the middleware does; asking it
      // would first build the web Request, which the body read then no longer needs.
      const length = requestHeader(c, 'content-length')
      if (length !== undefined && requestHeader(c, 'transfer-encoding') === undefined) {
        return Number.parseInt(length || '0', 10) > maxSize ? tooLarge() : next()
      }
      return streamed(c, next)
    }
  }
  const bodyLimited = limitOf(deps.env.TICKET_MAX_BODY)
  // Uploads (a message with its attachments) have their own, larger limit.
  const uploadLimited = limitOf(deps.env.TICKET_MAX_UPLOAD)
  app.use('/api/*', (c, next) => {
    // A GET or HEAD has no body; asking for one would build the full web Request for nothing.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      return next()
    }
    return /^multipart\/form-data\b/i.test(requestHeader(c, 'content-type') ?? '')
      ? uploadLimited(c, next)
      : bodyLimited(c, next)
  })
  app.use('/api/*', createAuthenticate(deps).middleware)
  app.use('/api/*', idempotency(deps))
  registerApiRoutes(app, deps)
  for (const module of deps.modules) {
    module.register?.(app)
  }
  assertEveryOperationServed(app)
  return app
}

export type App = ReturnType<typeof createApp>

/**
 * What a process answers while it migrates and seeds the database: it is alive, not ready, and
 * every other request gets a 503 to retry.
 */
export function createStartingApp(readiness: Readiness, logger: CoreDeps['logger']) {
  const app = baseApp(
    logger,
    () =>
      new ApiError('SERVICE_UNAVAILABLE', 'The server is starting; retry shortly.', {
        headers: { 'Retry-After': '1' },
      })
  )
  registerHealthRoutes(app, { readiness })
  return app
}

/**
 * What every app starts with: the request id and access log outermost, problem-details errors,
 * and `unrouted` as the answer to a request no route serves.
 */
function baseApp(logger: CoreDeps['logger'], unrouted: (c: Context) => ApiError) {
  const app = new Hono<AppEnv>({ getPath: routingPath })
  app.use(accessLog(logger))
  app.use(compression())
  app.use(securityHeaders)
  const handleError = createErrorHandler(logger)
  app.onError(handleError)
  // Answered, not thrown: Hono calls this outside the middleware chain's error handling, so a
  // throw would skip what the middleware adds on the way out (the request id, the access log).
  app.notFound((c) => handleError(unrouted(c), c))
  return app
}
