import { SESSION_COOKIE } from '@ticket/schema'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { requestHeader } from '../http/request-header.ts'
import { routeOf } from '../http/route-of.ts'
import type { CoreDeps } from '../modules/service-module.ts'
import { callerByToken } from './api-tokens.ts'
import { acceptedAppTokens, appTokenAccepted } from './app-tokens.ts'
import { parseAuthorization } from './authorization-header.ts'
import type { Caller } from './caller.ts'
import { unauthorized } from './challenge.ts'
import { clientAddressResolver } from './client-address.ts'
import type { Credential } from './credential.ts'
import { memoryLedger } from './failure-ledger.ts'
import { createPasswordSignIn, type PasswordSignInOptions } from './password-sign-in.ts'
import { matchesDigest } from './secret.ts'
import { findSession } from './sessions.ts'
import {
  createSignInThrottle,
  longestWindowMs,
  signInLimits,
  type ThrottleLimits,
} from './sign-in-throttle.ts'
import { tableLedger } from './table-ledger.ts'

export { realm } from './challenge.ts'

export interface AuthenticateOptions extends PasswordSignInOptions {
  limits?: ThrottleLimits
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Resolves the caller from `Authorization: Basic | Bearer | SOTicket`, or from the session cookie
 * (whose state-changing requests need the matching `X-XSRF-TOKEN`). Failed attempts feed the
 * sign-in throttle; a request without any credential is refused without counting.
 */
export function createAuthenticate(
  deps: CoreDeps,
  options: AuthenticateOptions = {}
): { middleware: MiddlewareHandler<AppEnv>; forget: () => void } {
  const { store } = deps
  const passwords = createPasswordSignIn(deps, options)
  // Several processes share a PostgreSQL database, so they count failures in it; one process
  // owns an SQLite file, so its memory is the whole count.
  const limits = options.limits ?? signInLimits
  const ledger =
    store.dialect === 'pg' ? tableLedger(store, longestWindowMs(limits)) : memoryLedger()
  const throttle = createSignInThrottle(() => deps.now().getTime(), ledger, limits)
  const appTokens = acceptedAppTokens(deps.env.TICKET_APP_TOKENS)
  const clientAddress = clientAddressResolver(deps.env.TICKET_TRUST_PROXY)

  async function byCookie(c: Context, ticket: string): Promise<[Caller, Credential]> {
    const address = clientAddress(c)
    await throttle.guard(address)
    const session = await findSession(store, ticket, deps.now())
    if (!session) {
      await throttle.failed(address)
      throw unauthorized('The session has ended or expired; sign in again.')
    }
    const xsrf = requestHeader(c, 'x-xsrf-token')
    if (!safeMethods.has(c.req.method) && !(xsrf && matchesDigest(xsrf, session.xsrfDigest))) {
      throw new ApiError(
        'FORBIDDEN',
        'A state-changing request with the session cookie needs the matching X-XSRF-TOKEN header.'
      )
    }
    return [session.caller, { scheme: 'cookie', sessionId: session.sessionId }]
  }

  async function byHeader(c: Context, header: string): Promise<[Caller, Credential]> {
    const presented = parseAuthorization(header)
    if (!presented) {
      throw unauthorized('The Authorization header is not Basic, Bearer or SOTicket.')
    }
    const address = clientAddress(c)
    const userName = presented.scheme === 'basic' ? presented.userName : undefined
    const nameHasFailures = await throttle.guard(address, userName)
    const fail = async (detail: string) => {
      await throttle.failed(address, userName)
      return unauthorized(detail)
    }
    switch (presented.scheme) {
      case 'basic': {
        const caller = await passwords.signIn(presented.userName, presented.password)
        if (!caller) {
          throw await fail('Unknown user name or wrong password.')
        }
        if (nameHasFailures) {
          await throttle.succeeded(presented.userName)
        }
        return [caller, { scheme: 'basic' }]
      }
      case 'bearer': {
        const found = await callerByToken(store, presented.token, deps.now())
        if (!found) {
          throw await fail('The token is unknown, revoked or expired.')
        }
        return [found.caller, { scheme: 'bearer', tokenId: found.tokenId }]
      }
      case 'soticket': {
        if (!appTokenAccepted(appTokens, requestHeader(c, 'so-apptoken'))) {
          throw await fail('SOTicket needs an accepted SO-AppToken header on this service.')
        }
        const session = await findSession(store, presented.ticket, deps.now())
        if (!session) {
          throw await fail('The ticket is unknown or its session has ended or expired.')
        }
        return [session.caller, { scheme: 'soticket', sessionId: session.sessionId }]
      }
    }
  }

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const header = requestHeader(c, 'authorization')
    const ticket = getCookie(c, SESSION_COOKIE)
    if (!header && !ticket) {
      throw unauthorized('Credentials are required: Authorization: Basic, Bearer or SOTicket.')
    }
    // An explicit Authorization header wins over the cookie.
    const [caller, credential] = header
      ? await byHeader(c, header)
      : await byCookie(c, ticket ?? '')
    // The history names the route a change came through (one caller object per request).
    c.set('caller', { ...caller, route: routeOf(c) })
    c.set('credential', credential)
    await next()
  }
  return { middleware, forget: passwords.forget }
}
