import { and, asc, eq, ne } from 'drizzle-orm'
import { parentsFirst } from './category-order.ts'
import { defaultIndex, flagNames, joinFlags } from './default-choice.ts'
import {
  associatesByUserName,
  categoriesByName,
  type ImportContext,
  statusesByName,
} from './import-context.ts'
import { emptyCount, foldKey, type SectionCount, type TenantItem } from './tenant-sections.ts'
import { differs, upsertRow } from './upsert-row.ts'

type Category = TenantItem<'Categories'>

/**
 * Upserts categories by name (parents first, full paths from the parent chain) and replaces each
 * one's members in `category_members` when they differ. Exactly one category is the default.
 */
export async function importCategories(
  ctx: ImportContext,
  items: readonly Category[]
): Promise<SectionCount> {
  const { tx, tables } = ctx
  const t = tables.ticketCategories
  const count = emptyCount()
  const categories = await categoriesByName(ctx)
  const associates = await associatesByUserName(ctx)
  const statuses = await statusesByName(ctx)
  const chosen = items[defaultIndex(items, (c) => c.IsDefault === true)]
  const userId = (userName: string | undefined) =>
    userName === undefined ? undefined : associates.get(foldKey(userName))?.associateId

  for (const item of parentsFirst(items)) {
    const parent = item.ParentName === undefined ? undefined : categories.get(item.ParentName)
    const row = categories.get(item.Name)
    const members = item.Members.flatMap((m, position) => {
      const associateId = userId(m.UserName)
      return associateId === undefined ? [] : [{ position, associateId, weight: m.Weight ?? 1 }]
    })
    const membersChanged =
      row === undefined || (await membersDiffer(ctx, row.ticketCategoryId, members))
    const stored = await upsertRow(
      tx,
      t,
      'ticketCategoryId',
      row,
      {
        parentId: parent?.ticketCategoryId ?? -1,
        name: item.Name,
        fullname: parent ? `${parent.fullname}/${item.Name}` : item.Name,
        categoryMaster: userId(item.CategoryMaster) ?? 0,
        flags: joinFlags(flagNames(item.Flags)),
        delegateMethod: item.DelegateMethod,
        externalName: item.ExternalName ?? '',
        closingStatus: 'UserDefined',
        msgClosingStatus: 'UserDefined',
        assignmentLag: item.AssignmentLag ?? -1,
        replyTemplate: 0,
        notificationEmail: item.NotificationEmail ?? '',
        effectiveReplyTemplateId: 0,
        extraFields: {},
        customFields: {},
        defaultTicketStatusId:
          item.DefaultTicketStatus === undefined
            ? null
            : (statuses.get(item.DefaultTicketStatus)?.ticketStatusId ?? null),
        defaultMessageStatusId: null,
        isDefault: item === chosen,
      },
      count,
      { forceChanged: membersChanged && row !== undefined }
    )
    categories.set(stored.name, stored)
    if (membersChanged) {
      await replaceMembers(ctx, stored.ticketCategoryId, members)
    }
    if (item === chosen) {
      await tx
        .update(t)
        .set({ isDefault: false })
        .where(and(ne(t.ticketCategoryId, stored.ticketCategoryId), eq(t.isDefault, true)))
    }
  }
  return count
}

interface Member {
  position: number
  associateId: number
  weight: number
}

async function membersDiffer({ tx, tables }: ImportContext, categoryId: number, want: Member[]) {
  const t = tables.categoryMembers
  const rows = await tx
    .select({ position: t.position, associateId: t.associateId, weight: t.weight })
    .from(t)
    .where(eq(t.ticketCategoryId, categoryId))
    .orderBy(asc(t.position))
  return rows.length !== want.length || rows.some((row, i) => differs(row, { ...want[i] }))
}

async function replaceMembers({ tx, tables }: ImportContext, categoryId: number, want: Member[]) {
  const t = tables.categoryMembers
  await tx.delete(t).where(eq(t.ticketCategoryId, categoryId))
  if (want.length > 0) {
    await tx.insert(t).values(want.map((m) => ({ ...m, ticketCategoryId: categoryId })))
  }
}
