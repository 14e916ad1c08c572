import { associatesByUserName, type ImportContext, projectsByName } from './import-context.ts'
import { emptyCount, foldKey, type SectionCount, type TenantItem } from './tenant-sections.ts'
import { upsertRow } from './upsert-row.ts'

/** Upserts projects by name; `Updated` is stamped only when the project is created or changes. */
export async function importProjects(
  ctx: ImportContext,
  items: readonly TenantItem<'Projects'>[]
): Promise<SectionCount> {
  const { tx, tables } = ctx
  const count = emptyCount()
  const existing = await projectsByName(ctx)
  const associates = await associatesByUserName(ctx)
  for (const item of items) {
    const owner = item.Associate === undefined ? undefined : associates.get(foldKey(item.Associate))
    await upsertRow(
      tx,
      tables.projects,
      'projectId',
      existing.get(item.Name),
      {
        name: item.Name,
        projectNumber: item.ProjectNumber ?? '',
        description: item.Description ?? '',
        url: item.URL ?? '',
        urlName: item.URL ?? '',
        type: item.Type ?? '',
        typeId: 0,
        associateId: owner?.associateId ?? 0,
        associateFullName: owner?.fullName ?? '',
        statusId: 0,
        status: '',
        textId: 0,
        publishFrom: null,
        publishTo: null,
        isPublished: false,
        activeErpLinks: 0,
      },
      count,
      { stamp: { updated: ctx.now } }
    )
  }
  return count
}
