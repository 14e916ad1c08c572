// Issues an API token for any associate and prints it once:
//   pnpm --filter @ticket/server token:issue <userName> [label]
// The token goes alone to stdout (so scripts can capture it); everything else to stderr.
import { and, eq, sql } from 'drizzle-orm'
import { issueApiToken } from '../auth/api-tokens.ts'
import { openStore } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { EnvError, loadEnv } from '../env.ts'

async function main(args: string[]): Promise<number> {
  const [userName, label = 'issued by token:issue'] = args
  if (!userName) {
    process.stderr.write('usage: token:issue <userName> [label]\n')
    return 2
  }
  const env = loadEnv()
  const store = await openStore(env.DATABASE_URL)
  try {
    const { associates } = tablesOf(store.db)
    const [row] = await store.db
      .select({ associateId: associates.associateId, userName: associates.userName })
      .from(associates)
      .where(
        and(
          sql`lower(${associates.userName}) = ${userName.toLowerCase()}`,
          eq(associates.deleted, false)
        )
      )
      .limit(1)
    if (!row) {
      process.stderr.write(`No associate with the user name "${userName}".\n`)
      return 1
    }
    const issued = await issueApiToken(
      store,
      { associateId: row.associateId, name: label.slice(0, 255), expiresAt: null },
      new Date()
    )
    process.stdout.write(`${issued.Token}\n`)
    process.stderr.write(
      `Issued token ${issued.TokenId} for "${row.userName}". It is shown only this once; ` +
        `revoke it with DELETE /api/v1/Token/${issued.TokenId}.\n`
    )
    return 0
  } finally {
    await store.close()
  }
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  process.stderr.write(`${error instanceof EnvError ? error.message : String(error)}\n`)
  process.exitCode = 1
}
