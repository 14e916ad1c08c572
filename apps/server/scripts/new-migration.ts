// `pnpm db:migration <snake_name>`: one named drizzle-kit migration per dialect, from the
// generated tables. Migrations are append-only; never edit or delete a committed one.
import { execFileSync } from 'node:child_process'

const name = process.argv[2]
if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
  console.error('usage: pnpm db:migration <snake_case_name>')
  process.exit(2)
}
for (const config of ['drizzle.sqlite.config.ts', 'drizzle.pg.config.ts']) {
  execFileSync('drizzle-kit', ['generate', '--config', config, '--name', name], {
    stdio: 'inherit',
  })
}
