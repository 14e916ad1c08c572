import { hashPassword, verifyPassword } from '../auth/password.ts'
import type { Db, Tables } from '../db/store.ts'
import { foldKey, type TenantItem } from './tenant-sections.ts'

/**
 * The password hash each file associate should end up with, by folded user name; `undefined`
 * keeps what is stored. A plain password is hashed only when the stored hash does not already
 * verify it, so re-importing the same file changes nothing. Runs before the import transaction
 * because scrypt is slow on purpose and must not hold the write lock.
 */
export async function associateCredentials(
  db: Db,
  tables: Tables,
  associates: readonly TenantItem<'Associates'>[]
): Promise<Map<string, string | undefined>> {
  const stored = new Map<string, string | null>()
  const rows = await db
    .select({ userName: tables.associates.userName, hash: tables.associates.passwordHash })
    .from(tables.associates)
  for (const row of rows) {
    if (row.userName !== null) {
      stored.set(foldKey(row.userName), row.hash)
    }
  }
  const entries = await Promise.all(
    associates.map(async (a): Promise<[string, string | undefined]> => {
      const key = foldKey(a.UserName)
      if (a.Password === undefined) {
        return [key, a.PasswordHash]
      }
      const current = stored.get(key)
      if (current && (await verifyPassword(a.Password, current))) {
        return [key, current]
      }
      return [key, await hashPassword(a.Password)]
    })
  )
  return new Map(entries)
}
