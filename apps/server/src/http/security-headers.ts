import type { Context, MiddlewareHandler, Next } from 'hono'
import { cors } from 'hono/cors'
import { secureHeaders } from 'hono/secure-headers'

// API answers are data, never a page: nothing may load, frame or run from them.
const apiHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  xFrameOptions: 'DENY',
})

// The reference page: its renderer and start script come from this server; the renderer sets
// inline styles and reads the OpenAPI document and "try it" answers from this origin.
const docsHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    objectSrc: ["'none'"],
  },
  xFrameOptions: 'DENY',
})

const isDocs = (path: string) => path === '/docs' || path.startsWith('/docs/')

/** Security headers on every answer; the CSP of the reference page lets it render. */
export const securityHeaders: MiddlewareHandler = (c: Context, next: Next) =>
  (isDocs(c.req.path) ? docsHeaders : apiHeaders)(c, next)

/**
 * CORS, closed unless `origins` lists who may call from a browser page (`*` for anyone). A
 * closed server sends no CORS headers, so browsers keep other origins' pages out.
 */
export function corsFor(origins: string[]): MiddlewareHandler {
  if (origins.length === 0) {
    return (_c, next) => next()
  }
  return cors({
    origin: origins.includes('*') ? '*' : origins,
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: [
      'Authorization',
      'Content-Type',
      'Accept',
      'Accept-Language',
      'If-Match',
      'If-None-Match',
      'If-Unmodified-Since',
      'Idempotency-Key',
      'SO-Language',
      'SO-Culture',
      'SO-TimeZone',
      'SO-AppToken',
      'X-XSRF-TOKEN',
    ],
    exposeHeaders: ['ETag', 'Location', 'Retry-After', 'X-Request-Id', 'Idempotent-Replayed'],
    maxAge: 600,
    // Cookies cross origins only to listed origins, never to `*`.
    credentials: !origins.includes('*'),
  })
}

/** `TICKET_CORS_ORIGINS` as a list: comma-separated origins, `*`, or empty (closed). */
export const corsOrigins = (setting: string | undefined) =>
  (setting ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o.length > 0)
