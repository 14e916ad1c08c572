import { ops } from '@ticket/schema'
import type { Hono } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import { unauthorized } from '../auth/challenge.ts'
import { clearSessionCookies, setSessionCookies } from '../auth/session-cookies.ts'
import { endSession, startSession } from '../auth/sessions.ts'
import { ApiError } from '../http/api-error.ts'
import { requestHeader } from '../http/request-header.ts'
import { route } from '../http/route.ts'
import { negotiate } from '../http/send-entity.ts'

/** Signing in and out: `POST|DELETE /api/v1/Session` (see docs/decisions.md). */
export function registerSessionRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  route(app, ops.CreateSession, async (c, { send }) => {
    if (c.get('credential').scheme !== 'basic') {
      throw unauthorized('Signing in needs Basic credentials: user name and password.')
    }
    negotiate(requestHeader(c, 'accept'))
    const now = deps.now()
    const session = await startSession(deps.store, c.get('caller').associateId, now)
    setSessionCookies(c, deps.env, session, now)
    return send(
      { Ticket: session.ticket, ExpiresAt: session.expiresAt, XsrfToken: session.xsrfToken },
      { headers: { 'Cache-Control': 'no-store' } }
    )
  })

  route(app, ops.DeleteSession, async (c) => {
    const credential = c.get('credential')
    if (credential.scheme !== 'soticket' && credential.scheme !== 'cookie') {
      throw new ApiError(
        'BAD_REQUEST',
        'There is no session to end: authenticate with SOTicket or the session cookie.'
      )
    }
    await endSession(deps.store, credential.sessionId)
    clearSessionCookies(c, deps.env)
    return c.body(null, 204)
  })
}
