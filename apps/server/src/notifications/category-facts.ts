import { asc, eq } from 'drizzle-orm'
import type { Db, Tables } from '../db/store.ts'
import { type CategoryFacts, splitAddresses } from './rules.ts'

/** Loads what the rules need about a ticket's category; null when it has none. */
export async function loadCategoryFacts(
  tx: Db,
  tables: Tables,
  categoryId: number | undefined
): Promise<CategoryFacts | null> {
  if (!categoryId || categoryId <= 0) {
    return null
  }
  const { ticketCategories: categories, categoryMembers: members } = tables
  const [category] = await tx
    .select({
      name: categories.name,
      flags: categories.flags,
      notificationEmail: categories.notificationEmail,
    })
    .from(categories)
    .where(eq(categories.ticketCategoryId, categoryId))
    .limit(1)
  if (!category) {
    return null
  }
  const memberRows = await tx
    .select({ associateId: members.associateId })
    .from(members)
    .where(eq(members.ticketCategoryId, categoryId))
    .orderBy(asc(members.position))
  return {
    name: category.name,
    notifyMembers: category.flags.split(',').some((flag) => flag.trim() === 'NotifyMembers'),
    memberIds: memberRows.map((m) => m.associateId),
    notificationEmails: splitAddresses(category.notificationEmail),
  }
}
