import { asc } from 'drizzle-orm'
import type { Store } from '../../db/store.ts'
import { tablesOf } from '../../db/tables-of.ts'

/** Every reference row, ordered by key: two equal snapshots mean nothing changed. */
export async function referenceSnapshot({ db }: Store) {
  const t = tablesOf(db)
  return {
    associates: await db.select().from(t.associates).orderBy(asc(t.associates.associateId)),
    statuses: await db
      .select()
      .from(t.ticketStatuses)
      .orderBy(asc(t.ticketStatuses.ticketStatusId)),
    priorities: await db
      .select()
      .from(t.ticketPriorities)
      .orderBy(asc(t.ticketPriorities.ticketPriorityId)),
    categories: await db
      .select()
      .from(t.ticketCategories)
      .orderBy(asc(t.ticketCategories.ticketCategoryId)),
    members: await db
      .select()
      .from(t.categoryMembers)
      .orderBy(asc(t.categoryMembers.ticketCategoryId), asc(t.categoryMembers.position)),
    ticketTypes: await db.select().from(t.ticketTypes).orderBy(asc(t.ticketTypes.ticketTypeId)),
    persons: await db.select().from(t.persons).orderBy(asc(t.persons.personId)),
    sales: await db.select().from(t.sales).orderBy(asc(t.sales.saleId)),
    projects: await db.select().from(t.projects).orderBy(asc(t.projects.projectId)),
    tags: await db.select().from(t.tags).orderBy(asc(t.tags.id)),
  }
}
