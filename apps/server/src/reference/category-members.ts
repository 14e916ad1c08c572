import { asc, eq } from 'drizzle-orm'
import type { Db } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'

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
  const members = new Map<number, number[]>()
  for (const { categoryId, associateId } of rows) {
    const list = members.get(categoryId)
    if (list) {
      list.push(associateId)
    } else {
      members.set(categoryId, [associateId])
    }
  }
  for (const list of members.values()) {
    Object.freeze(list)
  }
  return members
}
