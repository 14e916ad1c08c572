// `pnpm --filter @ticket/server tenant:import <file>`: imports a tenant file into DATABASE_URL and
// prints what it did per section. Exit code 1 with a clear message on any failure.
import { resolve } from 'node:path'
import { openStore } from '../db/store.ts'
import { loadEnv } from '../env.ts'
import { importTenant } from '../tenant/import-tenant.ts'
import { loadTenantFile } from '../tenant/load-tenant-file.ts'
import { formatCounts } from './format-counts.ts'

async function main(args: string[]): Promise<number> {
  const [file] = args
  if (!file || args.length > 1) {
    process.stderr.write('usage: tenant:import <tenant-file.json>\n')
    return 1
  }
  const env = loadEnv()
  const path = resolve(file)
  const tenant = await loadTenantFile(path)
  const store = await openStore(env.DATABASE_URL)
  try {
    const counts = await importTenant(store, tenant, { now: () => new Date(), source: path })
    process.stdout.write(`Imported ${path} into ${store.dialect}:\n${formatCounts(counts)}\n`)
    return 0
  } finally {
    await store.close()
  }
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
