import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { count } from 'drizzle-orm'
import { hashPassword } from '../auth/password.ts'
import { tablesOf } from '../db/tables-of.ts'
import type { CoreDeps } from '../modules/service-module.ts'

/**
 * On an empty database (no associates), creates the admin associate `TICKET_ADMIN_USER` with
 * full rights. Without `TICKET_ADMIN_PASSWORD` the password is random and shown once; there is
 * never a fixed default. Returns whether it created the admin.
 */
export async function ensureFirstAdmin({ env, store, logger }: CoreDeps): Promise<boolean> {
  const tables = tablesOf(store.db)
  const [row] = await store.db.select({ n: count() }).from(tables.associates)
  if ((row?.n ?? 0) > 0) {
    return false
  }
  const generated = env.TICKET_ADMIN_PASSWORD === undefined
  const password = env.TICKET_ADMIN_PASSWORD ?? randomBytes(18).toString('base64url')
  const passwordHash = await hashPassword(password)
  const created = await store.transaction(async (tx) => {
    // Checked again inside the write transaction: two instances starting on one empty database
    // must not both create an admin.
    const [again] = await tx.select({ n: count() }).from(tables.associates)
    if ((again?.n ?? 0) > 0) {
      return undefined
    }
    await tx.insert(tables.associates).values({
      userName: env.TICKET_ADMIN_USER,
      name: env.TICKET_ADMIN_USER.slice(0, 50),
      fullName: 'Administrator',
      formalName: 'Administrator',
      email: '',
      language: 'US',
      type: 'InternalAssociate',
      isAdmin: true,
      passwordHash,
      preferences: {},
      personId: 0,
      rank: 0,
      groupIdx: 0,
      deleted: false,
      ejUserId: 0,
    })
    return store.changes.stage(tx, 'reference')
  })
  if (created) {
    created()
  }
  if (created && generated) {
    showGeneratedPassword(env.TICKET_ADMIN_USER, password, env.TICKET_ADMIN_PASSWORD_FILE, logger)
  }
  return created !== undefined
}

/**
 * The operator must see the generated password exactly once, and it must never reach the log
 * stream (which is collected and kept). On a terminal it is printed there; otherwise it goes to
 * a file only its owner can read, and the log says where.
 */
function showGeneratedPassword(
  user: string,
  password: string,
  file: string,
  logger: CoreDeps['logger']
) {
  const text =
    `Created the admin associate "${user}" with the generated password: ${password}\n` +
    'It is shown only this once: keep it. To choose it yourself, set TICKET_ADMIN_PASSWORD on a fresh database.\n'
  if (process.stderr.isTTY) {
    process.stderr.write(text)
    return
  }
  const path = resolve(file)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text, { mode: 0o600 })
  // The mode of an existing file is kept by writeFileSync: narrow it in any case.
  chmodSync(path, 0o600)
  logger.info('generated admin password written to a file readable only by its owner', {
    user,
    file: path,
  })
}
