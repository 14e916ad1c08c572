import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { databaseUnreachable } from '../db/database-unreachable.ts'
import type { Logger } from '../logger.ts'
import { ApiError } from './api-error.ts'
import { problemBody, problemResponse } from './problem.ts'

const codeByStatus: Record<number, Parameters<typeof problemBody>[1]> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
}

/**
 * Four tiers: our own ApiError, a framework HTTPException (body limit, malformed JSON), a
 * database that could not be reached or went away (503, to retry), and anything else, which is
 * a bug: logged once with its stack, answered 500 without it.
 */
export function createErrorHandler(logger: Logger) {
  return (err: Error, c: Context): Response => {
    if (err instanceof ApiError) {
      const body = problemBody(c, err.code, err.status, err.message, err.errors)
      return problemResponse(c, body, err.headers)
    }
    if (err instanceof HTTPException) {
      const code = codeByStatus[err.status] ?? 'BAD_REQUEST'
      return problemResponse(c, problemBody(c, code, err.status, err.message || code))
    }
    if (databaseUnreachable(err)) {
      logger.warn('the database could not be reached', { requestId: c.get('requestId'), err })
      const body = problemBody(
        c,
        'SERVICE_UNAVAILABLE',
        503,
        'The database could not be reached, so the request may not have been applied. Retry it: a ticket or message save sent with an Idempotency-Key is applied at most once.'
      )
      return problemResponse(c, body, { 'Retry-After': '1' })
    }
    logger.error('unhandled error', { requestId: c.get('requestId'), err })
    return problemResponse(c, problemBody(c, 'INTERNAL', 500, 'The server failed to answer.'))
  }
}
