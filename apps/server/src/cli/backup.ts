// `pnpm --filter @ticket/server db:backup <file>` (production: `node dist/cli/backup.js <file>`):
// an online backup of the SQLite database DATABASE_URL names, taken while the server runs.
import { resolve } from 'node:path'
import { loadEnv } from '../env.ts'
import { backupSqlite, sqliteFileOf } from '../operations/sqlite-backup.ts'
import { runCommand } from './run-command.ts'

await runCommand(async ([file, ...rest]) => {
  if (!file || rest.length > 0) {
    process.stderr.write('usage: db:backup <backup-file>\n')
    return 2
  }
  const source = sqliteFileOf(loadEnv().DATABASE_URL)
  const target = resolve(file)
  await backupSqlite(source, target)
  process.stdout.write(`Backed up ${source} to ${target}.\n`)
  return 0
})
