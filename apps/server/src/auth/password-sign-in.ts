import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { tablesOf } from '../db/tables-of.ts'
import type { CoreDeps } from '../modules/service-module.ts'
import type { Caller } from './caller.ts'
import { callerOf } from './caller-of.ts'
import { CredentialCache } from './credential-cache.ts'
import { hashPassword, verifyPassword } from './password.ts'

/** A credential that verified: its caller, and the stored hash it verified against. */
interface Verified {
  caller: Caller
  passwordHash: string
}

const callerIn = (result: Verified | undefined) => result?.caller

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
 * expire after `cacheTtlMs`, so an edit that bypasses the service is seen. An expired entry is
 * renewed by reading the associate again: while the stored hash is the one the password verified
 * against, the password still verifies, and the slow hash is spared.
 */
export function createPasswordSignIn(deps: CoreDeps, options: PasswordSignInOptions = {}) {
  const verify = options.verify ?? verifyPassword
  const verified = new CredentialCache<Verified>(options.cacheTtlMs ?? 5 * 60_000, 10_000, () =>
    deps.now().getTime()
  )
  const { db, changes } = deps.store
  const tables = tablesOf(db)
  // Checks under way, by credential: requests that arrive with the same credential while its
  // check runs wait for that one check. Without it, a busy client's concurrent requests each
  // paid the slow hash whenever its cache entry expired.
  const checking = new Map<string, Promise<Verified | undefined>>()
  // Moves on every change to associates: a check that started before a change must not
  // remember its answer after it.
  let generation = 0
  const forget = () => {
    generation += 1
    verified.clear()
    checking.clear()
  }
  changes.subscribe('reference', forget)
  changes.onResync(forget)
  // Unknown names are checked against a throwaway hash so they take as long as known ones: the
  // response time must not tell whether a user exists.
  let decoy: Promise<string> | undefined

  function signIn(userName: string, password: string): Promise<Caller | undefined> {
    const key = CredentialCache.keyOf('basic', userName.toLowerCase(), password)
    const remembered = verified.lookup(key)
    if (remembered && !remembered.expired) {
      return Promise.resolve(remembered.value.caller)
    }
    const under = checking.get(key)
    if (under) {
      return under.then(callerIn)
    }
    const started = generation
    const check = verifyCredential(userName, password, remembered?.value.passwordHash)
    checking.set(key, check)
    void check
      .then(
        (result) => {
          if (result && generation === started) {
            verified.set(key, result)
          }
        },
        // A failed check (the database gone) is not remembered: the next request tries again.
        () => {}
      )
      .finally(() => {
        if (checking.get(key) === check) {
          checking.delete(key)
        }
      })
    return check.then(callerIn)
  }

  /** `verifiedHash`: the stored hash this credential verified against when it was remembered. */
  async function verifyCredential(
    userName: string,
    password: string,
    verifiedHash: string | undefined
  ): Promise<Verified | undefined> {
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
    // Verification depends only on the password and the stored hash: an unchanged hash needs no
    // second derivation (a busy client's renewal would otherwise cost one every few minutes).
    if (row.passwordHash !== verifiedHash && !(await verify(password, row.passwordHash))) {
      return undefined
    }
    // Shared by every request of this credential: frozen, so none can change it for the others.
    return { caller: Object.freeze(callerOf(row)), passwordHash: row.passwordHash }
  }

  return { signIn, forget }
}
