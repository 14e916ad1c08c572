// `pnpm --filter @ticket/server db:restore <file>` (production: `node dist/cli/restore.js <file>`):
// replaces the SQLite database DATABASE_URL names with a backup. Stop the server first; start it
// again afterwards (it applies any migrations newer than the backup).
import { resolve } from 'node:path'
import { loadEnv } from '../env.ts'
import { restoreSqlite, sqliteFileOf } from '../operations/sqlite-backup.ts'
import { runCommand } from './run-command.ts'

await runCommand(async ([file, ...rest]) => {
  if (!file || rest.length > 0) {
    process.stderr.write('usage: db:restore <backup-file>   (with the server stopped)\n')
    return 2
  }
  const target = sqliteFileOf(loadEnv().DATABASE_URL)
  const source = resolve(file)
  await restoreSqlite(source, target)
  process.stdout.write(`Restored ${target} from ${source}.\n`)
  return 0
})
