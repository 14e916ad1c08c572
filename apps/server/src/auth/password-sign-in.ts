import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
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
 * Checks a user name and password. The associate row is read on every request (one indexed
 * lookup); only the slow hash is skipped for a credential that verified recently. The cache key
 * includes the stored hash, so a changed password or a re-hash is never answered from the cache.
 */
export function createPasswordSignIn(deps: CoreDeps, options: PasswordSignInOptions = {}) {
  const verify = options.verify ?? verifyPassword
  const verified = new CredentialCache<true>(options.cacheTtlMs ?? 5 * 60_000, 10_000, () =>
    deps.now().getTime()
  )
  const { db, tables } = deps.store
  // Unknown names are checked against a throwaway hash so they take as long as known ones: the
  // response time must not tell whether a user exists.
  let decoy: Promise<string> | undefined

  async function signIn(userName: string, password: string): Promise<Caller | undefined> {
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
    const key = CredentialCache.keyOf('basic', String(row.associateId), password, row.passwordHash)
    if (!verified.get(key)) {
      if (!(await verify(password, row.passwordHash))) {
        return undefined
      }
      verified.set(key, true)
    }
    return callerOf(row)
  }

  return { signIn, forget: () => verified.clear() }
}
