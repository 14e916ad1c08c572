import { count } from 'drizzle-orm'
import { tablesOf } from '../db/tables-of.ts'
import type { CoreDeps } from '../modules/service-module.ts'
import { demoTenantPath } from './demo-tenant.ts'
import { ensureFirstAdmin } from './first-admin.ts'
import { importTenant } from './import-tenant.ts'
import { loadTenantFile } from './load-tenant-file.ts'

async function isEmptyTenant({ store }: CoreDeps): Promise<boolean> {
  const [tickets] = await store.db.select({ n: count() }).from(tablesOf(store.db).tickets)
  const [categories] = await store.db
    .select({ n: count() })
    .from(tablesOf(store.db).ticketCategories)
  return (tickets?.n ?? 0) === 0 && (categories?.n ?? 0) === 0
}

async function importFile(core: CoreDeps, path: string, what: string) {
  const counts = await importTenant(core.store, await loadTenantFile(path), {
    now: core.now,
    source: path,
  })
  core.logger.info(`${what} imported`, { file: path, counts })
}

/**
 * Runs at every start: the first-start admin on an empty database, the demo tenant on an empty
 * database when `TICKET_DEMO_DATA` asks, then `TICKET_TENANT_FILE` (idempotent, every start).
 * An invalid tenant file throws a TenantFileError naming the file and every invalid path, which
 * stops the start.
 */
export async function prepareTenant(core: CoreDeps): Promise<void> {
  await ensureFirstAdmin(core)
  if (core.env.TICKET_DEMO_DATA && (await isEmptyTenant(core))) {
    await importFile(core, demoTenantPath, 'demo tenant')
  }
  if (core.env.TICKET_TENANT_FILE !== undefined) {
    await importFile(core, core.env.TICKET_TENANT_FILE, 'tenant file')
  }
}
