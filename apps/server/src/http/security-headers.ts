import type { Context, MiddlewareHandler, Next } from 'hono'
import { cors } from 'hono/cors'
import { secureHeaders } from 'hono/secure-headers'
import {
  addHeaderStep,
  closeCompleteAnswer,
  type HeaderStep,
  isCompleteAnswer,
} from './complete-answer.ts'

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

/**
 * What `middleware` does to an answer, as a step on plain headers: the headers it sets (read
 * off an answer it edited once) and the one it removes. Undefined until that edit has run.
 */
function stepOf(middleware: MiddlewareHandler): () => HeaderStep | undefined {
  let step: HeaderStep | undefined
  const answer = new Response(null)
  void middleware({ res: answer } as Context, async () => {}).then(() => {
    const set = [...answer.headers]
    step = (headers) => {
      for (const [name, value] of set) {
        headers[name] = value
      }
      delete headers['x-powered-by']
    }
  })
  return () => step
}
const apiStep = stepOf(apiHeaders)
const docsStep = stepOf(docsHeaders)

/** Security headers on every answer; the CSP of the reference page lets it render. */
export const securityHeaders: MiddlewareHandler = async (c: Context, next: Next) => {
  const docs = isDocs(c.req.path)
  const headers = docs ? docsHeaders : apiHeaders
  const step = (docs ? docsStep : apiStep)()
  if (step === undefined) {
    closeCompleteAnswer(c)
    return headers(c, next)
  }
  addHeaderStep(c, step)
  await next()
  if (!isCompleteAnswer(c.res)) {
    // Given a finished answer, the middleware only adds its headers.
    await headers(c, async () => {})
  }
}

/**
 * CORS, closed unless `origins` lists who may call from a browser page (`*` for anyone). A
 * closed server sends no CORS headers, so browsers keep other origins' pages out.
 */
export function corsFor(origins: string[]): MiddlewareHandler {
  if (origins.length === 0) {
    return (_c, next) => next()
  }
  const open = cors({
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
  return (c, next) => {
    // Its headers depend on the request's Origin and are set before the answer exists.
    closeCompleteAnswer(c)
    return open(c, next)
  }
}

/** `TICKET_CORS_ORIGINS` as a list: comma-separated origins, `*`, or empty (closed). */
export const corsOrigins = (setting: string | undefined) =>
  (setting ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o.length > 0)
