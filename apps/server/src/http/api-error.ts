import { type ErrorCode, errorStatus, type ProblemFieldError } from '@ticket/schema'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** One invalid field: a JSON pointer into the request, a human message and a stable code. */
export type FieldError = ProblemFieldError

/**
 * The service's one error type. Everything the service refuses on purpose is thrown as an
 * ApiError and rendered by `handleError` as RFC 9457 problem details.
 * @example throw new ApiError('NOT_FOUND', 'Ticket 7 does not exist')
 */
export class ApiError extends HTTPException {
  readonly code: ErrorCode
  readonly errors: FieldError[]
  readonly headers: Record<string, string>

  constructor(
    code: ErrorCode,
    detail: string,
    options: { errors?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {}
  ) {
    super(errorStatus[code] as ContentfulStatusCode, { message: detail, cause: options.cause })
    this.code = code
    this.errors = options.errors ?? []
    this.headers = options.headers ?? {}
  }
}
