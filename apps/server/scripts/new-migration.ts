// `pnpm db:migration <snake_name>`: one named drizzle-kit migration per dialect, from the
// generated tables. Migrations are append-only; never edit or delete a committed one.
import { execFileSync } from 'node:child_process'

// `--custom` creates empty numbered files for SQL the tables cannot say (full-text search,
// triggers); they are filled by hand once, right after creation.
const [name, flag] = process.argv.slice(2)
if (!name || !/^[a-z][a-z0-9_]*$/.test(name) || (flag !== undefined && flag !== '--custom')) {
  console.error('usage: pnpm db:migration <snake_case_name> [--custom]')
  process.exit(2)
}
const custom = flag ? ['--custom'] : []
for (const config of ['drizzle.sqlite.config.ts', 'drizzle.pg.config.ts']) {
  execFileSync('drizzle-kit', ['generate', '--config', config, '--name', name, ...custom], {
    stdio: 'inherit',
  })
}
