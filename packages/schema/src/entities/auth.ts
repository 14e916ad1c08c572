import { type Static, Type } from '@sinclair/typebox'
import { DateTime, Int32, Text } from '../common/types.ts'

/** Name of the HttpOnly, SameSite=Strict cookie that carries the session ticket. */
export const SESSION_COOKIE = 'ticket_session'

/** Name of the cookie (readable by the page's scripts) that carries the XSRF token. */
export const XSRF_COOKIE = 'XSRF_TOKEN'

/**
 * What `POST /api/v1/Session` answers: a session ticket for `Authorization: SOTicket <ticket>`,
 * and the token a browser sends as `X-XSRF-TOKEN` with the session cookie.
 * @example { Ticket: '7T:q2x…', ExpiresAt: '2025-01-01T16:00:00.000Z', XsrfToken: 'Yc1…' }
 */
export const SessionTicket = Type.Object(
  {
    Ticket: Text('The session ticket: `Authorization: SOTicket <ticket>`; shown once.', 200),
    ExpiresAt: Type.String({ format: 'date-time', description: 'When the session ends (UTC).' }),
    XsrfToken: Text(
      'Sent as `X-XSRF-TOKEN` on state-changing requests authenticated by the session cookie.',
      200
    ),
  },
  { $id: 'SessionTicket', description: 'A new session.' }
)
export type SessionTicket = Static<typeof SessionTicket>

/**
 * The optional body of `POST /api/v1/Token`.
 * @example { Name: 'nightly export', ExpiresAt: '2026-01-01T00:00:00Z' }
 */
export const ApiTokenRequest = Type.Object(
  {
    Name: Type.Optional(Text('A label to recognise the token by.', 255)),
    ExpiresAt: Type.Optional(
      DateTime({ description: 'When the token stops working (future); null or absent: never.' })
    ),
  },
  { $id: 'ApiTokenRequest', description: 'What to issue.', additionalProperties: false }
)
export type ApiTokenRequest = Static<typeof ApiTokenRequest>

/**
 * An API token as listed: never its secret.
 * @example { TokenId: 4, AssociateId: 1, Name: 'nightly export', CreatedAt: '2025-01-01T08:00:00.000Z', ExpiresAt: null, RevokedAt: null }
 */
export const ApiToken = Type.Object(
  {
    TokenId: Int32('The primary key.'),
    AssociateId: Int32('The associate the token acts for.'),
    Name: Text('A label to recognise the token by.', 255),
    CreatedAt: Type.String({ format: 'date-time', description: 'When the token was issued.' }),
    ExpiresAt: DateTime({ description: 'When the token stops working; null: never.' }),
    RevokedAt: DateTime({ description: 'When the token was revoked; null while it is valid.' }),
  },
  { $id: 'ApiToken', description: 'An API token for `Authorization: Bearer`.' }
)
export type ApiToken = Static<typeof ApiToken>

/**
 * The answer of `POST /api/v1/Token`: the token and its secret, which is shown only here.
 * @example { TokenId: 4, Token: 'tk_3vQ…', AssociateId: 1, Name: '', CreatedAt: '…', ExpiresAt: null, RevokedAt: null }
 */
export const IssuedApiToken = Type.Object(
  {
    ...ApiToken.properties,
    Token: Text(
      'The secret for `Authorization: Bearer <token>`; shown only in this response.',
      200
    ),
  },
  { $id: 'IssuedApiToken', description: 'A newly issued API token, with its secret.' }
)
export type IssuedApiToken = Static<typeof IssuedApiToken>
