// `pnpm --filter @ticket/server db:migrate` (production: `node dist/cli/migrate.js`): applies
// pending migrations to DATABASE_URL and exits, without starting the server. On PostgreSQL it
// takes the same advisory lock as a starting server, so it is safe while other instances start.
import { openStore } from '../db/store.ts'
import { loadEnv } from '../env.ts'
import { runCommand } from './run-command.ts'

await runCommand(async () => {
  const env = loadEnv()
  const store = await openStore(env.DATABASE_URL)
  await store.close()
  process.stdout.write(`The ${store.dialect} database is at the latest migration.\n`)
  return 0
})
