import { type Static, Type } from '@sinclair/typebox'
import { Int32, NameEnum, Text } from '../common/types.ts'

export const ErrorCodes = [
  'BAD_REQUEST',
  'VALIDATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'NOT_ACCEPTABLE',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE',
  'TOO_MANY_REQUESTS',
  'INTERNAL',
  'SERVICE_UNAVAILABLE',
] as const

/**
 * Machine-readable class of an error; {@link errorStatus} gives its HTTP status.
 * @example 'NOT_FOUND'
 */
export const ErrorCode = NameEnum('ErrorCode', ErrorCodes, {
  description: 'Machine-readable error class.',
})
export type ErrorCode = Static<typeof ErrorCode>

/** HTTP status of each error code. */
export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number>

/** One invalid field of a request. */
export const ProblemFieldError = Type.Object(
  {
    path: Text('JSON pointer into the request body, e.g. /Category/TicketCategoryId.', 2000),
    message: Text('Human-readable message, in the request language.', 2000),
    code: Text('Machine-readable reason, e.g. required, maxLength, format, not_found.', 100),
  },
  { description: 'One invalid field.' }
)
export type ProblemFieldError = Static<typeof ProblemFieldError>

/**
 * The one error envelope (RFC 9457, `application/problem+json`) for every 4xx and 5xx.
 * @example { type: 'about:blank', title: 'Not Found', status: 404, code: 'NOT_FOUND', requestId: 'r-1', errors: [] }
 */
export const ProblemDetails = Type.Object(
  {
    type: Text('A URI reference identifying the problem type; about:blank when none.', 2000),
    title: Text('Short, human-readable summary of the problem type.', 255),
    status: Int32('The HTTP status code.', { minimum: 400, maximum: 599 }),
    detail: Type.Optional(Text('Human-readable explanation of this occurrence.', 4000)),
    instance: Type.Optional(Text('URI reference of this occurrence (the request path).', 2000)),
    code: ErrorCode,
    requestId: Text('Id of the request, also in the logs; quote it when reporting.', 100),
    errors: Type.Array(ProblemFieldError, {
      description: 'Every invalid field of the request; [] when the error is not about fields.',
    }),
  },
  { $id: 'ProblemDetails', description: 'RFC 9457 problem details.' }
)
export type ProblemDetails = Static<typeof ProblemDetails>
