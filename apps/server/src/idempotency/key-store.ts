import { and, eq, lt } from 'drizzle-orm'
import type { Db, Store, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'

export type KeyRow = Tables['idempotencyKeys']['$inferSelect']

/** How long a key is remembered: a retry within it gets the first answer. */
export const keyLifetimeMs = 24 * 60 * 60 * 1000

/**
 * A pending key older than this belongs to a request whose process died before it stored the
 * answer (no request runs this long); a retry takes the key over.
 */
export const abandonedAfterMs = 60_000

export type Claim =
  | { kind: 'first' }
  | { kind: 'replay'; row: KeyRow }
  | { kind: 'mismatch' }
  | { kind: 'running' }

/**
 * Claims `scope` for a request whose content hashes to `digest`, or reports what the key
 * already holds. Two concurrent claims insert at most one row (the insert does nothing on a
 * taken key), so exactly one request runs.
 */
export async function claimKey(
  store: Store,
  scope: string,
  digest: string,
  now: Date
): Promise<Claim> {
  const t = tablesOf(store.db).idempotencyKeys
  const at = now.toISOString()
  return store.transaction(async (tx) => {
    const [existing] = await tx.select().from(t).where(eq(t.scope, scope))
    const abandoned =
      existing?.state === 'pending' &&
      Date.parse(existing.createdAt) + abandonedAfterMs <= now.getTime()
    if (existing && existing.expiresAt > at && !abandoned) {
      if (existing.requestDigest !== digest) {
        return { kind: 'mismatch' }
      }
      return existing.state === 'done' ? { kind: 'replay', row: existing } : { kind: 'running' }
    }
    if (existing) {
      await tx.delete(t).where(eq(t.scope, scope))
    }
    // Forgetting expired keys here keeps the table to a day of keys without a sweeper.
    await tx.delete(t).where(lt(t.expiresAt, at))
    const inserted = await tx
      .insert(t)
      .values({
        scope,
        requestDigest: digest,
        state: 'pending',
        status: null,
        responseHeaders: {},
        responseBody: null,
        createdAt: at,
        expiresAt: new Date(now.getTime() + keyLifetimeMs).toISOString(),
      })
      .onConflictDoNothing()
      .returning({ scope: t.scope })
    return inserted.length > 0 ? { kind: 'first' } : { kind: 'running' }
  })
}

export interface Answer {
  status: number
  headers: Record<string, string>
  body: string
}

/** Stores the first answer under the key. */
export async function storeAnswer(store: Store, scope: string, answer: Answer) {
  await store.transaction((tx) => writeAnswer(tx, tablesOf(store.db), scope, answer))
}

/** Stores the first answer under the key inside the caller's transaction. */
export async function writeAnswer(tx: Db, tables: Tables, scope: string, answer: Answer) {
  const t = tables.idempotencyKeys
  await tx
    .update(t)
    .set({
      state: 'done',
      status: answer.status,
      responseHeaders: answer.headers,
      responseBody: answer.body,
    })
    .where(and(eq(t.scope, scope), eq(t.state, 'pending')))
}

/** Frees the key after a failure that changed nothing, so a retry runs the request again. */
export async function releaseKey(store: Store, scope: string) {
  const t = tablesOf(store.db).idempotencyKeys
  await store.transaction((tx) =>
    tx.delete(t).where(and(eq(t.scope, scope), eq(t.state, 'pending')))
  )
}
