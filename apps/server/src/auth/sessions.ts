import { and, eq, gt, lte } from 'drizzle-orm'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import type { Caller } from './caller.ts'
import { callerOf } from './caller-of.ts'
import { digestOf, newSecret } from './secret.ts'

/** How long a session lasts from sign-in; not sliding, so a stolen ticket ages out. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60_000

export interface NewSession {
  sessionId: number
  ticket: string
  xsrfToken: string
  expiresAt: string
}

/**
 * Starts a session for an associate. Ended or expired sessions are swept on the way (an indexed
 * delete), so the table only holds live ones without a background job.
 */
export async function startSession(
  store: Store,
  associateId: number,
  now: Date,
  lifetimeMs = SESSION_LIFETIME_MS
): Promise<NewSession> {
  const { sessions } = tablesOf(store.db)
  const ticket = newSecret('7T:')
  const xsrfToken = newSecret('')
  const expiresAt = new Date(now.getTime() + lifetimeMs).toISOString()
  await store.db.delete(sessions).where(lte(sessions.expiresAt, now.toISOString()))
  const [row] = await store.db
    .insert(sessions)
    .values({
      associateId,
      ticketDigest: digestOf(ticket),
      xsrfDigest: digestOf(xsrfToken),
      createdAt: now.toISOString(),
      expiresAt,
    })
    .returning({ sessionId: sessions.sessionId })
  if (!row) {
    throw new Error('the session insert returned no row')
  }
  return { sessionId: row.sessionId, ticket, xsrfToken, expiresAt }
}

/** The live session a ticket belongs to, with its caller; undefined when unknown or expired. */
export async function findSession(
  store: Store,
  ticket: string,
  now: Date
): Promise<{ caller: Caller; sessionId: number; xsrfDigest: string } | undefined> {
  const { sessions, associates } = tablesOf(store.db)
  const [found] = await store.reader
    .select({
      sessionId: sessions.sessionId,
      xsrfDigest: sessions.xsrfDigest,
      associate: associates,
    })
    .from(sessions)
    .innerJoin(associates, eq(associates.associateId, sessions.associateId))
    .where(
      and(
        eq(sessions.ticketDigest, digestOf(ticket)),
        gt(sessions.expiresAt, now.toISOString()),
        eq(associates.deleted, false)
      )
    )
    .limit(1)
  return (
    found && {
      caller: callerOf(found.associate),
      sessionId: found.sessionId,
      xsrfDigest: found.xsrfDigest,
    }
  )
}

export async function endSession(store: Store, sessionId: number): Promise<void> {
  await store.db
    .delete(tablesOf(store.db).sessions)
    .where(eq(tablesOf(store.db).sessions.sessionId, sessionId))
}
