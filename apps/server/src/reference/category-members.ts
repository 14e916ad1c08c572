import { asc, eq } from 'drizzle-orm'
import type { Db } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { groupBy } from '../group-by.ts'

/** The member associate ids of one category, in their position order. */
export async function loadCategoryMembers(db: Db, categoryId: number): Promise<number[]> {
  const t = tablesOf(db).categoryMembers
  const rows = await db
    .select({ associateId: t.associateId })
    .from(t)
    .where(eq(t.ticketCategoryId, categoryId))
    .orderBy(asc(t.position))
  return rows.map((row) => row.associateId)
}

/** Every category's member associate ids, in their position order, by category id. */
export async function loadAllCategoryMembers(db: Db): Promise<Map<number, readonly number[]>> {
  const t = tablesOf(db).categoryMembers
  const rows = await db
    .select({ categoryId: t.ticketCategoryId, associateId: t.associateId })
    .from(t)
    .orderBy(asc(t.ticketCategoryId), asc(t.position))
  const members = new Map<number, readonly number[]>()
  for (const [categoryId, inCategory] of groupBy(rows, (row) => row.categoryId)) {
    members.set(categoryId, Object.freeze(inCategory.map((row) => row.associateId)))
  }
  return members
}
