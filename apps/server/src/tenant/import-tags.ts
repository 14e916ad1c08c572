import { type ImportContext, tagsByNameKey } from './import-context.ts'
import { emptyCount, foldKey, type SectionCount, type TenantItem } from './tenant-sections.ts'
import { upsertRow } from './upsert-row.ts'

/** Upserts tags by name, case-insensitively. */
export async function importTags(
  ctx: ImportContext,
  items: readonly TenantItem<'Tags'>[]
): Promise<SectionCount> {
  const count = emptyCount()
  const existing = await tagsByNameKey(ctx)
  for (const item of items) {
    const nameKey = foldKey(item.Name)
    await upsertRow(
      ctx.tx,
      ctx.tables.tags,
      'id',
      existing.get(nameKey),
      { name: item.Name, toolTip: item.ToolTip ?? '', nameKey },
      count
    )
  }
  return count
}
