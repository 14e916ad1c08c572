import { Type } from '@sinclair/typebox'
import type { ResponseSpec } from '@ticket/codegen'
import { ApiToken, ApiTokenRequest, IssuedApiToken, SessionTicket } from '../entities/auth.ts'
import { ProblemDetails } from '../model.ts'
import { commonErrors } from './common.ts'
import { defineOperations } from './define.ts'
import { problemTypes } from './media-types.ts'

const json = ['application/json']
const sessionTags = ['Session']
const tokenTags = ['Token']

const problem = (description: string): ResponseSpec => ({
  description,
  schema: ProblemDetails,
  mediaTypes: problemTypes,
})

const forbidden = problem(
  'The session cookie was sent on a state-changing request without the matching `X-XSRF-TOKEN`.'
)

const setCookie = {
  description: 'The HttpOnly, SameSite=Strict session cookie and the XSRF_TOKEN cookie.',
  schema: Type.String(),
}

export const TokenIdParam = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2147483647, description: 'The TokenId of the token' }),
})

/** Signing in (see docs/decisions.md): sessions and API tokens. */
export const authOps = defineOperations({
  CreateSession: {
    method: 'post',
    path: '/api/v1/Session',
    summary: 'Signs in with Basic credentials and starts a session',
    description:
      'Returns a ticket for `Authorization: SOTicket <ticket>` and sets the session cookie. With the cookie alone, state-changing requests must send `X-XSRF-TOKEN`.',
    tags: sessionTags,
    security: ['Basic'],
    responses: {
      200: {
        description: 'The session.',
        schema: SessionTicket,
        headers: { 'Set-Cookie': setCookie },
      },
      ...commonErrors,
      403: forbidden,
    },
  },
  DeleteSession: {
    method: 'delete',
    path: '/api/v1/Session',
    summary: 'Ends the session that authenticated the request',
    description: 'Authenticate with `SOTicket` or the session cookie; the cookies are cleared.',
    tags: sessionTags,
    security: ['SOTicket', 'SessionCookie'],
    responses: {
      204: { description: 'Signed out.' },
      ...commonErrors,
      403: forbidden,
    },
  },
  IssueApiToken: {
    method: 'post',
    path: '/api/v1/Token',
    summary: 'Issues an API token for the caller',
    description: 'The token is in this response only; the service stores its digest.',
    tags: tokenTags,
    body: {
      schema: ApiTokenRequest,
      mediaTypes: json,
      required: false,
      description: 'An optional label and expiry',
    },
    responses: {
      201: { description: 'The new token.', schema: IssuedApiToken },
      ...commonErrors,
      403: forbidden,
    },
  },
  ListApiTokens: {
    method: 'get',
    path: '/api/v1/Token',
    summary: "Lists the caller's API tokens (never their secrets)",
    tags: tokenTags,
    responses: {
      200: { description: 'The tokens.', schema: Type.Array(ApiToken) },
      ...commonErrors,
    },
  },
  RevokeApiToken: {
    method: 'delete',
    path: '/api/v1/Token/{id}',
    summary: 'Revokes an API token',
    description: 'The caller may revoke their own tokens; an associate with full rights, any.',
    tags: tokenTags,
    params: TokenIdParam,
    responses: {
      204: { description: 'Revoked; the token no longer authenticates.' },
      ...commonErrors,
      403: forbidden,
      404: problem('No such token for this caller.'),
    },
  },
})
