import { type Static, Type } from '@sinclair/typebox'
import type { DbHint, TableSpec } from '@ticket/codegen'
import { Int32, Text, withDb } from '../common/types.ts'
import { ApiToken } from '../entities/auth.ts'
import { omitProps } from './props.ts'

const associate: DbHint = {
  kind: 'reference',
  column: 'associate_id',
  table: 'associates',
  targetColumn: 'associate_id',
  key: 'AssociateId',
  onDelete: 'cascade',
  index: true,
}

// Tokens and tickets are 256-bit random values, so a plain SHA-256 (hex) is enough to store
// them: nothing can be guessed from the digest, and a lookup by digest is one indexed read.
const digest = (description: string) =>
  withDb(Text(description, 64), { kind: 'column', unique: true })

/** Row of `api_tokens`: the token's digest, never the token. */
export const ApiTokenRecord = Type.Object(
  {
    ...omitProps(ApiToken.properties, ['AssociateId']),
    AssociateId: withDb(ApiToken.properties.AssociateId, associate),
    Digest: digest('SHA-256 (hex) of the token.'),
  },
  { $id: 'ApiTokenRecord', description: 'Storage row of an API token.' }
)
export type ApiTokenRecord = Static<typeof ApiTokenRecord>

/** Row of `sessions`: a signed-in associate's session (SOTicket and cookie). */
export const SessionRecord = Type.Object(
  {
    SessionId: Int32('The primary key.'),
    AssociateId: withDb(Int32('The signed-in associate.'), associate),
    TicketDigest: digest('SHA-256 (hex) of the session ticket.'),
    XsrfDigest: Text('SHA-256 (hex) of the XSRF token.', 64),
    CreatedAt: Type.String({ format: 'date-time', description: 'When the session began.' }),
    ExpiresAt: withDb(Type.String({ format: 'date-time', description: 'When the session ends.' }), {
      kind: 'column',
      index: true,
    }),
  },
  { $id: 'SessionRecord', description: 'Storage row of a session.' }
)
export type SessionRecord = Static<typeof SessionRecord>

/**
 * Row of `sign_in_failures`: one failed sign-in, counted against a key. Kept in the database so
 * every server process on it counts the same failures; only the newest few per key are kept.
 */
export const SignInFailureRecord = Type.Object(
  {
    FailureId: Int32('The primary key.'),
    Key: withDb(
      Text('SHA-256 (hex) of what the failure counts against: a user name or an address.', 64),
      { kind: 'column', index: true }
    ),
    FailedAt: withDb(Type.String({ format: 'date-time', description: 'When it failed.' }), {
      kind: 'column',
      index: true,
    }),
  },
  { $id: 'SignInFailureRecord', description: 'Storage row of a failed sign-in.' }
)
export type SignInFailureRecord = Static<typeof SignInFailureRecord>

export const authTables: TableSpec[] = [
  { name: 'api_tokens', schema: ApiTokenRecord, primaryKey: ['TokenId'], autoIncrement: true },
  { name: 'sessions', schema: SessionRecord, primaryKey: ['SessionId'], autoIncrement: true },
  {
    name: 'sign_in_failures',
    schema: SignInFailureRecord,
    primaryKey: ['FailureId'],
    autoIncrement: true,
  },
]
