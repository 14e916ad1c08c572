import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { tablesOf } from '../db/tables-of.ts'
import type { CoreDeps } from '../modules/service-module.ts'
import type { Caller } from './caller.ts'
import { callerOf } from './caller-of.ts'
import { CredentialCache } from './credential-cache.ts'
import { hashPassword, verifyPassword } from './password.ts'

export interface PasswordSignInOptions {
  /** The slow password check; tests observe it. */
  verify?: (password: string, hash: string) => Promise<boolean>
  /** How long a verified credential is remembered. */
  cacheTtlMs?: number
}

/**
 * Checks a user name and password. A credential that verified recently is answered from memory
 * with its caller: no query and no slow hash. Every change to associates is announced on the
 * change feed (topic `reference`: tenant import, password reset, first admin), which empties the
 * cache, so a changed password or a deleted associate is never answered from it; entries also
 * expire after `cacheTtlMs`.
 */
export function createPasswordSignIn(deps: CoreDeps, options: PasswordSignInOptions = {}) {
  const verify = options.verify ?? verifyPassword
  const verified = new CredentialCache<Caller>(options.cacheTtlMs ?? 5 * 60_000, 10_000, () =>
    deps.now().getTime()
  )
  const { db, changes } = deps.store
  const tables = tablesOf(db)
  const forget = () => verified.clear()
  changes.subscribe('reference', forget)
  changes.onResync(forget)
  // Unknown names are checked against a throwaway hash so they take as long as known ones: the
  // response time must not tell whether a user exists.
  let decoy: Promise<string> | undefined

  async function signIn(userName: string, password: string): Promise<Caller | undefined> {
    const key = CredentialCache.keyOf('basic', userName.toLowerCase(), password)
    const remembered = verified.get(key)
    if (remembered) {
      return remembered
    }
    const [row] = await db
      .select()
      .from(tables.associates)
      .where(sql`lower(${tables.associates.userName}) = ${userName.toLowerCase()}`)
      .limit(1)
    if (!row?.passwordHash || row.deleted) {
      decoy ??= hashPassword(randomBytes(16).toString('hex'))
      await verify(password, await decoy)
      return undefined
    }
    if (!(await verify(password, row.passwordHash))) {
      return undefined
    }
    // Shared by every request of this credential: frozen, so none can change it for the others.
    const caller = Object.freeze(callerOf(row))
    verified.set(key, caller)
    return caller
  }

  return { signIn, forget }
}
