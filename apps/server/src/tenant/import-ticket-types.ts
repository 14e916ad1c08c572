import { and, eq, ne } from 'drizzle-orm'
import { defaultIndex } from './default-choice.ts'
import {
  type ImportContext,
  prioritiesByName,
  statusesByName,
  ticketTypesByName,
} from './import-context.ts'
import { emptyCount, type SectionCount, type TenantItem } from './tenant-sections.ts'
import { upsertRow } from './upsert-row.ts'

/** Upserts ticket types by name; exactly one is the default. */
export async function importTicketTypes(
  ctx: ImportContext,
  items: readonly TenantItem<'TicketTypes'>[]
): Promise<SectionCount> {
  const { tx, tables } = ctx
  const t = tables.ticketTypes
  const count = emptyCount()
  const existing = await ticketTypesByName(ctx)
  const statuses = await statusesByName(ctx)
  const priorities = await prioritiesByName(ctx)
  const chosen = defaultIndex(items, (type) => type.IsDefault === true)
  for (const [i, item] of items.entries()) {
    const statusId =
      item.DefaultTicketStatus === undefined ? undefined : statuses.get(item.DefaultTicketStatus)
    const priorityId =
      item.DefaultTicketPriority === undefined
        ? undefined
        : priorities.get(item.DefaultTicketPriority)
    const stored = await upsertRow(
      tx,
      t,
      'ticketTypeId',
      existing.get(item.Name),
      {
        name: item.Name,
        icon: item.Icon ?? '',
        defaultTicketStatus: statusId?.ticketStatusId ?? 0,
        defaultTicketPriority: priorityId?.ticketPriorityId ?? 0,
        isDefault: i === chosen,
        showInNew: item.ShowInNew ?? true,
        externalAsDefault: item.ExternalAsDefault ?? false,
        excludeSignature: false,
        excludeEmailRecipients: false,
        replyForwardNoSignature: false,
        replyExternalAsDefault: item.ExternalAsDefault ?? false,
        visibleForGroups: [],
      },
      count
    )
    if (i === chosen) {
      await tx
        .update(t)
        .set({ isDefault: false })
        .where(and(ne(t.ticketTypeId, stored.ticketTypeId), eq(t.isDefault, true)))
    }
  }
  return count
}
