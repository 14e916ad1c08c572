// `pnpm --filter @ticket/server password:reset <userName>` (production:
// `node dist/cli/reset-password.js <userName>`): sets a new password for an associate, e.g. a
// lost admin password. The new password is read from TICKET_NEW_PASSWORD, or generated and
// printed alone on stdout, once. The associate's sessions and API tokens are left as they are.
import { randomBytes } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { hashPassword, setPasswordCost } from '../auth/password.ts'
import { openStore } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { loadEnv } from '../env.ts'
import { runCommand } from './run-command.ts'

await runCommand(async ([userName, ...rest]) => {
  if (!userName || rest.length > 0) {
    process.stderr.write(
      'usage: password:reset <userName>   (TICKET_NEW_PASSWORD=… to choose it)\n'
    )
    return 2
  }
  const env = loadEnv()
  setPasswordCost(env.TICKET_PASSWORD_COST)
  const chosen = process.env.TICKET_NEW_PASSWORD
  const password = chosen || randomBytes(18).toString('base64url')
  const passwordHash = await hashPassword(password)
  const store = await openStore(env.DATABASE_URL)
  try {
    const { associates } = tablesOf(store.db)
    // Running servers hold associates in memory: the change is announced to them at commit.
    const updated = await store.transaction(async (tx) => {
      const rows = await tx
        .update(associates)
        .set({ passwordHash })
        .where(
          and(
            sql`lower(${associates.userName}) = ${userName.toLowerCase()}`,
            eq(associates.deleted, false)
          )
        )
        .returning({ userName: associates.userName })
      await store.changes.stage(tx, 'reference')
      return rows
    })
    if (updated.length === 0) {
      process.stderr.write(`No associate with the user name "${userName}".\n`)
      return 1
    }
    if (!chosen) {
      process.stdout.write(`${password}\n`)
    }
    process.stderr.write(
      `The password of "${updated[0]?.userName}" is reset${chosen ? '' : '; the new one is shown only this once'}. ` +
        'A running server accepts the old one for at most five more minutes (its sign-in cache).\n'
    )
    return 0
  } finally {
    await store.close()
  }
})
