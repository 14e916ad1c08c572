import { asc } from 'drizzle-orm'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'

/** Ids of the demo tenant's reference data, read from the database the test app uses. */
export async function demoRefs(store: Store) {
  const { db } = store
  const tables = tablesOf(db)
  const ids = async <T>(query: Promise<T[]>) => await query
  const [associates, categories, priorities, statuses, persons, sales, projects, types] =
    await Promise.all([
      ids(db.select().from(tables.associates).orderBy(asc(tables.associates.associateId))),
      ids(
        db
          .select()
          .from(tables.ticketCategories)
          .orderBy(asc(tables.ticketCategories.ticketCategoryId))
      ),
      ids(
        db
          .select()
          .from(tables.ticketPriorities)
          .orderBy(asc(tables.ticketPriorities.ticketPriorityId))
      ),
      ids(
        db.select().from(tables.ticketStatuses).orderBy(asc(tables.ticketStatuses.ticketStatusId))
      ),
      ids(db.select().from(tables.persons).orderBy(asc(tables.persons.personId))),
      ids(db.select().from(tables.sales).orderBy(asc(tables.sales.saleId))),
      ids(db.select().from(tables.projects).orderBy(asc(tables.projects.projectId))),
      ids(db.select().from(tables.ticketTypes).orderBy(asc(tables.ticketTypes.ticketTypeId))),
    ])
  const statusOf = (base: string) =>
    statuses.find((s) => s.status === base && s.isDefault) ??
    statuses.find((s) => s.status === base)
  return { associates, categories, priorities, statuses, persons, sales, projects, types, statusOf }
}
