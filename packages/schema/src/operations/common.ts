import { Type } from '@sinclair/typebox'
import type { ResponseSpec } from '@ticket/codegen'
import { ProblemDetails } from '../model.ts'
import { problemTypes } from './media-types.ts'

/** The response header naming the body properties the server ignored (not in the entity). */
export const IGNORED_PROPERTIES_HEADER = 'X-Ignored-Properties'

/** The 200 response's headers of an operation that saves an entity body. */
export const ignoredPropertiesHeader = {
  [IGNORED_PROPERTIES_HEADER]: {
    description:
      'Present when the body had properties the entity does not have: their JSON pointers (percent-encoded), comma-separated. They were ignored; a misspelt name shows up here.',
    schema: Type.String(),
  },
}

export const NotifyQuery = Type.Boolean({
  default: false,
  description: 'If true, then the notifications will be sent',
})

export const SelectQuery = Type.String({
  description:
    'Comma separated list of properties to include in the result. Other fields are then nulled out.',
})

export const TicketIdParam = Type.Object({
  id: Type.Integer({ minimum: 1, description: 'The TicketId of the ticket' }),
})

export const LanguageHeaders = Type.Object({
  'Accept-Language': Type.Optional(
    Type.String({ description: 'Resolve string references and multi-language values (iso2).' })
  ),
  'SO-Language': Type.Optional(
    Type.String({ description: 'Overrides Accept-Language; `*` or `x` turns resolution off.' })
  ),
  'SO-Culture': Type.Optional(
    Type.String({ description: 'Number and date formatting inside display strings.' })
  ),
  'SO-TimeZone': Type.Optional(
    Type.String({
      description:
        'Time zone for dates in and out (`UTC`, `NO`, `US-NY`, IANA names; `, includeTZOffset`).',
    })
  ),
  'SO-AppToken': Type.Optional(
    Type.String({ description: 'The application token that identifies the partner app.' })
  ),
})

export const problem = (description: string): ResponseSpec => ({
  description,
  schema: ProblemDetails,
  mediaTypes: problemTypes,
})

/** The error responses every authenticated operation may give. */
export const commonErrors: Record<number, ResponseSpec> = {
  400: problem('The request is not valid: every invalid field is listed in `errors`.'),
  401: problem('Missing or wrong credentials.'),
  403: problem(
    'The caller may not do this: a state-changing request with the session cookie needs the matching `X-XSRF-TOKEN` header, and some actions need full rights.'
  ),
  406: problem('None of the `Accept` media types can be produced.'),
  413: problem('The request body is larger than the limit.'),
  415: problem('The request body media type is not supported.'),
  429: problem('Too many failed sign-ins; retry after `Retry-After` seconds.'),
  500: problem('The server failed; the body never carries a stack trace.'),
  503: problem(
    'The server is starting or draining, or could not reach its database; retry after `Retry-After` seconds.'
  ),
}

export const notFound = problem('The ticket does not exist or was deleted.')
export const conflict = problem('A JSON Patch `test` operation failed.')
export const preconditionFailed = problem('`If-Match` or `If-Unmodified-Since` did not match.')
