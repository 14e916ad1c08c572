import { sql } from 'drizzle-orm'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import type { CoreDeps } from '../modules/service-module.ts'
import { parseBasic } from './basic-credentials.ts'
import type { Caller } from './caller.ts'
import { CredentialCache } from './credential-cache.ts'
import { verifyPassword } from './password.ts'

export const realm = 'Ticket: SuperOffice Username or Ticket'

const unauthorized = (detail: string) =>
  new ApiError('UNAUTHORIZED', detail, {
    headers: { 'WWW-Authenticate': `Basic realm="${realm}", charset="UTF-8"` },
  })

/**
 * Resolves the caller from `Authorization: Basic`. A verified credential is remembered for a few
 * minutes (keyed by its digest), so only the first request of a client pays the slow hash.
 */
export function createAuthenticate(deps: CoreDeps): {
  middleware: MiddlewareHandler<AppEnv>
  forget: () => void
} {
  const verified = new CredentialCache<Caller>()
  const { db, tables } = deps.store

  async function byPassword(userName: string, password: string): Promise<Caller | undefined> {
    const key = CredentialCache.keyOf('basic', userName.toLowerCase(), password)
    const cached = verified.get(key)
    if (cached) {
      return cached
    }
    const [row] = await db
      .select()
      .from(tables.associates)
      .where(sql`lower(${tables.associates.userName}) = ${userName.toLowerCase()}`)
      .limit(1)
    if (!row?.passwordHash || row.deleted || !(await verifyPassword(password, row.passwordHash))) {
      return undefined
    }
    const caller: Caller = {
      associateId: row.associateId,
      userName: row.userName ?? userName,
      fullName: row.fullName,
      isAdmin: row.isAdmin,
      language: row.language || 'US',
    }
    verified.set(key, caller)
    return caller
  }

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const header = c.req.header('authorization')
    if (!header) {
      throw unauthorized('Credentials are required: Authorization: Basic, Bearer or SOTicket.')
    }
    const basic = parseBasic(header)
    if (!basic) {
      throw unauthorized('The Authorization header is not a supported scheme.')
    }
    const caller = await byPassword(basic.userName, basic.password)
    if (!caller) {
      throw unauthorized('Unknown user name or wrong password.')
    }
    c.set('caller', caller)
    await next()
  }
  return { middleware, forget: () => verified.clear() }
}
