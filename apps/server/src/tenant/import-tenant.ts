import type { TenantFile } from '@ticket/schema'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { associateCredentials } from './associate-credentials.ts'
import { checkTenantFile, type KnownKeys } from './check-tenant-file.ts'
import { importAssociates } from './import-associates.ts'
import { importCategories } from './import-categories.ts'
import {
  associatesByUserName,
  categoriesByName,
  type ImportContext,
  personsByEmail,
  prioritiesByName,
  statusesByName,
} from './import-context.ts'
import { importCustomFields } from './import-custom-fields.ts'
import { importPersons } from './import-persons.ts'
import { importPriorities } from './import-priorities.ts'
import { importProjects } from './import-projects.ts'
import { importSales } from './import-sales.ts'
import { importStatuses } from './import-statuses.ts'
import { importTags } from './import-tags.ts'
import { importTicketTypes } from './import-ticket-types.ts'
import { TenantFileError } from './tenant-file-error.ts'
import type { ImportCounts } from './tenant-sections.ts'
import { validateTenantFile } from './validate-tenant-file.ts'

export interface ImportTenantOptions {
  now: () => Date
  /** Where the file came from, for error messages (a path). */
  source?: string
}

async function knownKeys(ctx: ImportContext): Promise<KnownKeys> {
  return {
    userNames: new Set((await associatesByUserName(ctx)).keys()),
    statuses: new Set((await statusesByName(ctx)).keys()),
    priorities: new Set((await prioritiesByName(ctx)).keys()),
    categories: new Set((await categoriesByName(ctx)).keys()),
    personEmails: new Set((await personsByEmail(ctx)).keys()),
  }
}

/**
 * Validates a tenant file and upserts all of it in one transaction, by natural key (associates
 * by UserName and persons by Email case-insensitively, the rest by Name). Idempotent: the same
 * file twice changes nothing; a changed value updates its row in place. Any invalid path makes
 * it throw a TenantFileError before anything is written.
 * @example const counts = await importTenant(store, file, { now: () => new Date() })
 */
export async function importTenant(
  store: Store,
  tenantFile: unknown,
  options: ImportTenantOptions
): Promise<ImportCounts> {
  const file: TenantFile = validateTenantFile(tenantFile, options.source)
  const hashes = await associateCredentials(store.db, tablesOf(store.db), file.Associates ?? [])
  const { counts, announce } = await store.transaction(async (tx) => {
    const ctx: ImportContext = { tx, tables: tablesOf(store.db), now: options.now().toISOString() }
    const issues = checkTenantFile(file, await knownKeys(ctx))
    if (issues.length > 0) {
      throw new TenantFileError(issues, options.source)
    }
    // Every process holding reference data in memory reloads it once this commits.
    const announce = await store.changes.stage(tx, 'reference')
    // Dependency order: each section may refer to the ones before it.
    const counts: ImportCounts = {
      Associates: await importAssociates(ctx, file.Associates ?? [], hashes),
      Statuses: await importStatuses(ctx, file.Statuses ?? []),
      Priorities: await importPriorities(ctx, file.Priorities ?? []),
      Categories: await importCategories(ctx, file.Categories ?? []),
      TicketTypes: await importTicketTypes(ctx, file.TicketTypes ?? []),
      Persons: await importPersons(ctx, file.Persons ?? []),
      Sales: await importSales(ctx, file.Sales ?? []),
      Projects: await importProjects(ctx, file.Projects ?? []),
      Tags: await importTags(ctx, file.Tags ?? []),
      CustomFields: await importCustomFields(ctx, file.CustomFields ?? []),
    }
    return { counts, announce }
  })
  announce()
  return counts
}
