import { SESSION_COOKIE, XSRF_COOKIE } from '@ticket/schema'
import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import type { Env } from '../env.ts'
import { closeCompleteAnswer } from '../http/complete-answer.ts'
import type { NewSession } from './sessions.ts'

// Secure when the client reaches us over https, directly or through a proxy named by
// TICKET_PUBLIC_URL; a Secure cookie would never come back over plain http on localhost.
const isSecure = (c: Context, env: Env) =>
  new URL(c.req.url).protocol === 'https:' || env.TICKET_PUBLIC_URL?.startsWith('https:') === true

/**
 * Sets the HttpOnly, SameSite=Strict session cookie and the XSRF cookie the page's own scripts
 * read to fill `X-XSRF-TOKEN`.
 */
export function setSessionCookies(c: Context, env: Env, session: NewSession, now: Date): void {
  const secure = isSecure(c, env)
  const maxAge = Math.floor((Date.parse(session.expiresAt) - now.getTime()) / 1000)
  const common = { path: '/', sameSite: 'Strict', maxAge, secure } as const
  // Cookies are prepared headers: an answer built in advance would not carry them.
  closeCompleteAnswer(c)
  setCookie(c, SESSION_COOKIE, session.ticket, { ...common, httpOnly: true })
  setCookie(c, XSRF_COOKIE, session.xsrfToken, common)
}

export function clearSessionCookies(c: Context, env: Env): void {
  const secure = isSecure(c, env)
  closeCompleteAnswer(c)
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure, httpOnly: true, sameSite: 'Strict' })
  deleteCookie(c, XSRF_COOKIE, { path: '/', secure, sameSite: 'Strict' })
}
