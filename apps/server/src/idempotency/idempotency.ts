import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { ApiError } from '../http/api-error.ts'
import { requestHeader } from '../http/request-header.ts'
import {
  type Answer,
  claimKey,
  type KeyRow,
  releaseKey,
  storeAnswer,
  writeAnswer,
} from './key-store.ts'
import type { PendingKey } from './pending-key.ts'

const changingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
// Visible ASCII: a key is an opaque token the client made up (a UUID, typically).
const keyPattern = /^[\x21-\x7e]{1,255}$/
/** The answer headers a replay repeats: the representation, not the connection or the request. */
const replayedHeaders = [
  'content-type',
  'content-language',
  'etag',
  'last-modified',
  'location',
  'vary',
]
/** A duplicate waits this long for the first request before it is told to retry. */
const waitLimitMs = 30_000
const pollMs = 25

/**
 * `Idempotency-Key` on every state-changing request: the first request with a key runs and its
 * answer is stored; a retry with the same key and the same request gets that answer again
 * (`Idempotent-Replayed: true`) and changes nothing, so no second ticket, notification or
 * webhook; the same key with a different request is 422; a duplicate arriving while the first
 * runs waits for it. Keys are per caller and expire after 24 hours.
 */
export function idempotency(deps: { store: Store; now: () => Date }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = requestHeader(c, 'idempotency-key')
    if (key === undefined || !changingMethods.has(c.req.method) || !c.get('caller')) {
      return next()
    }
    if (!keyPattern.test(key)) {
      throw new ApiError(
        'BAD_REQUEST',
        'Idempotency-Key must be 1 to 255 visible ASCII characters.'
      )
    }
    const scope = `${c.get('caller').associateId}:${key}`
    const url = new URL(c.req.url)
    // Read once here; Hono keeps the bytes, so the route reads the same body.
    const body = new Uint8Array(await c.req.arrayBuffer())
    const digest = createHash('sha256')
      .update(
        `${c.req.method}\n${url.pathname}${url.search}\n${requestHeader(c, 'content-type') ?? ''}\n`
      )
      .update(body)
      .digest('hex')

    const deadline = Date.now() + waitLimitMs
    for (;;) {
      const claim = await claimKey(deps.store, scope, digest, deps.now())
      if (claim.kind === 'mismatch') {
        throw new ApiError(
          'UNPROCESSABLE',
          'This Idempotency-Key was used for a different request; use a new key for a new request.'
        )
      }
      if (claim.kind === 'replay') {
        return replay(claim.row)
      }
      if (claim.kind === 'first') {
        break
      }
      if (Date.now() > deadline) {
        throw new ApiError('CONFLICT', 'A request with this Idempotency-Key is still running.', {
          headers: { 'Retry-After': '1' },
        })
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs))
    }

    const pending: PendingKey = {
      answered: false,
      async storeIn(tx, response) {
        await writeAnswer(tx, tablesOf(deps.store.db), scope, await answerOf(response))
      },
    }
    c.set('idempotencyKey', pending)
    try {
      await next()
    } catch (error) {
      // A key whose answer committed with the change stays: only a pending key is freed.
      await releaseKey(deps.store, scope)
      throw error
    }
    if (pending.answered) {
      return
    }
    if (c.res.status >= 500) {
      await releaseKey(deps.store, scope)
      return
    }
    await storeAnswer(deps.store, scope, await answerOf(c.res))
  }
}

/** What a replay repeats of an answer: status, representation headers and body. */
async function answerOf(response: Response): Promise<Answer> {
  const answer = response.clone()
  const headers: Record<string, string> = {}
  for (const name of replayedHeaders) {
    const value = answer.headers.get(name)
    if (value !== null) {
      headers[name] = value
    }
  }
  const bytes = Buffer.from(await answer.arrayBuffer())
  return { status: answer.status, headers, body: bytes.toString('base64') }
}

function replay(row: KeyRow): Response {
  const status = row.status ?? 200
  const empty = status === 204 || status === 304
  return new Response(empty ? null : Buffer.from(row.responseBody ?? '', 'base64'), {
    status,
    headers: { ...(row.responseHeaders as Record<string, string>), 'Idempotent-Replayed': 'true' },
  })
}
