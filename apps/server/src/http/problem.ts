import type { ErrorCode, ProblemDetails } from '@ticket/schema'
import type { Context } from 'hono'
import type { FieldError } from './api-error.ts'

const titles: Record<ErrorCode, string> = {
  BAD_REQUEST: 'Bad request',
  VALIDATION: 'The request is not valid',
  UNAUTHORIZED: 'Authentication required',
  FORBIDDEN: 'Forbidden',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  NOT_ACCEPTABLE: 'Not acceptable',
  CONFLICT: 'Conflict',
  PRECONDITION_FAILED: 'Precondition failed',
  PAYLOAD_TOO_LARGE: 'Payload too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  TOO_MANY_REQUESTS: 'Too many requests',
  INTERNAL: 'Internal server error',
}

/** Builds the problem-details body for a request; `type` is a stable URN per error code. */
export function problemBody(
  c: Context,
  code: ErrorCode,
  status: number,
  detail: string,
  errors: FieldError[] = []
): ProblemDetails {
  return {
    type: `urn:ticket:error:${code.toLowerCase()}`,
    title: titles[code],
    status,
    code,
    detail,
    instance: new URL(c.req.url).pathname,
    requestId: String(c.get('requestId') ?? ''),
    errors,
  }
}

/** Renders a problem as `application/problem+json` (the XML variant is chosen by `renderEntity`). */
export function problemResponse(
  _c: Context,
  problem: ProblemDetails,
  headers: Record<string, string> = {}
): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  })
}
