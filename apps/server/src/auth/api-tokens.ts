import type { ApiToken, IssuedApiToken } from '@ticket/schema'
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm'
import type { Store, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import type { Caller } from './caller.ts'
import { callerOf } from './caller-of.ts'
import { hasFullRights } from './full-rights.ts'
import { digestOf, newSecret } from './secret.ts'

type TokenRow = Tables['apiTokens']['$inferSelect']

const toApiToken = ({ digest: _digest, ...row }: TokenRow): ApiToken => ({
  TokenId: row.tokenId,
  AssociateId: row.associateId,
  Name: row.name,
  CreatedAt: row.createdAt,
  ExpiresAt: row.expiresAt,
  RevokedAt: row.revokedAt,
})

/** Issues a token for an associate; the secret is in the result only, the row keeps its digest. */
export async function issueApiToken(
  store: Store,
  request: { associateId: number; name: string; expiresAt: string | null },
  now: Date
): Promise<IssuedApiToken> {
  const token = newSecret('tk_')
  const [row] = await store.db
    .insert(tablesOf(store.db).apiTokens)
    .values({
      associateId: request.associateId,
      name: request.name,
      createdAt: now.toISOString(),
      expiresAt: request.expiresAt,
      revokedAt: null,
      digest: digestOf(token),
    })
    .returning()
  if (!row) {
    throw new Error('the token insert returned no row')
  }
  return { ...toApiToken(row), Token: token }
}

/** The caller a Bearer token acts for, unless it is unknown, revoked, expired or orphaned. */
export async function callerByToken(
  store: Store,
  token: string,
  now: Date
): Promise<{ caller: Caller; tokenId: number } | undefined> {
  const { apiTokens, associates } = tablesOf(store.db)
  const [found] = await store.reader
    .select({ tokenId: apiTokens.tokenId, associate: associates })
    .from(apiTokens)
    .innerJoin(associates, eq(associates.associateId, apiTokens.associateId))
    .where(
      and(
        eq(apiTokens.digest, digestOf(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now.toISOString())),
        eq(associates.deleted, false)
      )
    )
    .limit(1)
  return found && { caller: callerOf(found.associate), tokenId: found.tokenId }
}

/** The associate's tokens, newest first, without secrets. */
export async function listApiTokens(store: Store, associateId: number): Promise<ApiToken[]> {
  const { apiTokens } = tablesOf(store.db)
  const rows = await store.reader
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.associateId, associateId))
    .orderBy(desc(apiTokens.tokenId))
  return rows.map(toApiToken)
}

/**
 * Revokes a token the caller may revoke (their own; any, with full rights). False when there is
 * no such token for them. Revoking twice keeps the first revocation time.
 */
export async function revokeApiToken(
  store: Store,
  caller: Caller,
  tokenId: number,
  now: Date
): Promise<boolean> {
  const { apiTokens } = tablesOf(store.db)
  const [row] = await store.db
    .select({ associateId: apiTokens.associateId, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.tokenId, tokenId))
  if (!row || (row.associateId !== caller.associateId && !hasFullRights(caller))) {
    return false
  }
  if (row.revokedAt === null) {
    await store.db
      .update(apiTokens)
      .set({ revokedAt: now.toISOString() })
      .where(and(eq(apiTokens.tokenId, tokenId), isNull(apiTokens.revokedAt)))
  }
  return true
}
