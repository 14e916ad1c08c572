import type { MiddlewareHandler } from 'hono'
import { COMPRESSIBLE_CONTENT_TYPE_REGEX, compress } from 'hono/compress'

/** Below this many bytes compression costs more than it saves. */
export const COMPRESSION_THRESHOLD = 1024

/**
 * gzip (or deflate) for clients that accept it, for compressible types over the threshold
 * (Hono's compress middleware; live streams are never compressed). Hono decides the size from
 * `Content-Length`, which a response built from a string does not carry yet, so this measures
 * such a body first; without that, every small answer would be compressed too.
 */
export function compression(): MiddlewareHandler {
  const gzip = compress({ threshold: COMPRESSION_THRESHOLD })
  return (c, next) => {
    if (!c.req.header('accept-encoding')) {
      return next()
    }
    return gzip(c, async () => {
      await next()
      const type = c.res.headers.get('content-type') ?? ''
      if (c.res.body && !c.res.headers.has('content-length') && compressible(type)) {
        const bytes = await c.res.arrayBuffer()
        const measured = new Response(bytes, c.res)
        measured.headers.set('content-length', String(bytes.byteLength))
        c.res = measured
      }
    })
  }
}

const compressible = (type: string) => COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)
