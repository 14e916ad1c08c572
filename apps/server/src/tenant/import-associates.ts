import { eq } from 'drizzle-orm'
import { associatesByUserName, type ImportContext } from './import-context.ts'
import { emptyCount, foldKey, type SectionCount, type TenantItem } from './tenant-sections.ts'
import { upsertRow } from './upsert-row.ts'

/**
 * Upserts associates by user name (case-insensitively). Absent credentials and an absent IsAdmin
 * keep what is stored, so a tenant file never locks out or demotes the first-start admin.
 */
export async function importAssociates(
  ctx: ImportContext,
  items: readonly TenantItem<'Associates'>[],
  hashes: ReadonlyMap<string, string | undefined>
): Promise<SectionCount> {
  const { tx, tables } = ctx
  const count = emptyCount()
  const existing = await associatesByUserName(ctx)
  for (const [i, item] of items.entries()) {
    const key = foldKey(item.UserName)
    const row = existing.get(key)
    const stored = await upsertRow(
      tx,
      tables.associates,
      'associateId',
      row,
      {
        userName: item.UserName,
        name: item.Name,
        fullName: item.FullName,
        formalName: item.FullName,
        email: item.Email,
        language: item.Language ?? 'US',
        type: item.Type ?? 'InternalAssociate',
        preferences: item.Preferences ?? {},
        isAdmin: item.IsAdmin ?? row?.isAdmin ?? false,
        passwordHash: hashes.get(key) ?? row?.passwordHash ?? null,
        personId: 0,
        rank: i + 1,
        groupIdx: 0,
        deleted: false,
        ejUserId: row?.associateId ?? 0,
      },
      count
    )
    if (stored.ejUserId !== stored.associateId) {
      // Every imported associate is a service user, whose EjUserId is its own id; the id is
      // only known after the insert.
      await tx
        .update(tables.associates)
        .set({ ejUserId: stored.associateId })
        .where(eq(tables.associates.associateId, stored.associateId))
    }
  }
  return count
}
