import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ApiError } from './api-error.ts'

/** The response media types, in the order preferred when `Accept` allows several. */
const producible = ['application/json', 'text/json'] as const

/** Picks the response media type from `Accept` (default JSON); none producible is a 406. */
export function negotiate(accept: string | undefined): (typeof producible)[number] {
  if (!accept?.trim()) {
    return 'application/json'
  }
  const ranges = accept
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase())
      const q = params.find((p) => p.startsWith('q='))
      return { type, q: q ? Number(q.slice(2)) : 1 }
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const range of ranges) {
    if (range.type === '*/*' || range.type === 'application/*') {
      return 'application/json'
    }
    const match = producible.find((type) => type === range.type)
    if (match) {
      return match
    }
  }
  throw new ApiError('NOT_ACCEPTABLE', `None of ${accept} can be produced; try application/json.`)
}

/**
 * Sends an entity (or list, or null) in the negotiated format. `carrier` names the root element
 * for XML.
 */
export function sendEntity(
  c: Context,
  body: unknown,
  _carrier: string,
  status: ContentfulStatusCode = 200,
  headers: Record<string, string> = {}
): Response {
  const mediaType = negotiate(c.req.header('accept'))
  return c.body(JSON.stringify(body), status, {
    'content-type': `${mediaType}; charset=utf-8`,
    ...headers,
  })
}
