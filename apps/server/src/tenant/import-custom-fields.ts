import type { ImportContext } from './import-context.ts'
import { emptyCount, type SectionCount, type TenantItem } from './tenant-sections.ts'
import { upsertRow } from './upsert-row.ts'

/** Upserts ticket custom fields by FieldName; absent metadata takes its plain default. */
export async function importCustomFields(
  ctx: ImportContext,
  items: readonly TenantItem<'CustomFields'>[]
): Promise<SectionCount> {
  const count = emptyCount()
  const table = ctx.tables.ticketCustomFields
  const existing = new Map((await ctx.tx.select().from(table)).map((row) => [row.fieldName, row]))
  for (const [index, item] of items.entries()) {
    await upsertRow(
      ctx.tx,
      table,
      'id',
      existing.get(item.FieldName),
      {
        fieldName: item.FieldName,
        fieldType: item.FieldType,
        displayName: item.DisplayName ?? item.FieldName,
        description: item.Description ?? '',
        shortLabel: item.ShortLabel ?? '',
        hideLabel: item.HideLabel ?? false,
        hideField: item.HideField ?? false,
        isIndexed: item.IsIndexed ?? false,
        isMandatory: item.IsMandatory ?? false,
        isReadOnly: item.IsReadOnly ?? false,
        isExternal: item.IsExternal ?? false,
        rank: item.Rank ?? index + 1,
        templateVariableName: item.TemplateVariableName ?? item.FieldName,
      },
      count
    )
  }
  return count
}
