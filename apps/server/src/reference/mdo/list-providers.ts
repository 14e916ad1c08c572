import type { MDOListItem, MdoListName } from '@ticket/schema'
import { asc, eq, ne } from 'drizzle-orm'
import { prepared } from '../../db/prepared.ts'
import type { Db } from '../../db/store.ts'
import { tablesOf } from '../../db/tables-of.ts'
import { categoryList } from './category-items.ts'
import { extraInfo, mdoItem } from './mdo-item.ts'

type Provider = (db: Db) => Promise<MDOListItem[]>

const ranked = (items: MDOListItem[]) => items.map((item, i) => ({ ...item, Rank: i + 1 }))

const associates: Provider = async (db) => {
  const t = tablesOf(db).associates
  const rows = await prepared(db, 'mdo.associates', (d) =>
    d.select().from(t).where(eq(t.deleted, false)).orderBy(asc(t.fullName), asc(t.associateId))
  ).execute()
  return ranked(
    rows.map((row) =>
      mdoItem({
        Id: row.associateId,
        Name: row.fullName,
        ToolTip: row.userName ? `${row.fullName} (${row.userName})` : row.fullName,
        Type: row.type,
        ExtraInfo: extraInfo([
          ['person_id', row.personId],
          ['contact_id', 0],
        ]),
      })
    )
  )
}

const priorities: Provider = async (db) => {
  const t = tablesOf(db).ticketPriorities
  const rows = await prepared(db, 'mdo.priorities', (d) =>
    d
      .select()
      .from(t)
      .where(ne(t.status, 'Deleted'))
      .orderBy(asc(t.sortOrder), asc(t.ticketPriorityId))
  ).execute()
  return rows.map((row) =>
    mdoItem({
      Id: row.ticketPriorityId,
      Name: row.name,
      Rank: row.sortOrder,
      ExtraInfo: String(row.sortOrder),
    })
  )
}

const statuses: Provider = async (db) => {
  const t = tablesOf(db).ticketStatuses
  const rows = await prepared(db, 'mdo.statuses', (d) =>
    d.select().from(t).orderBy(asc(t.ticketStatusId))
  ).execute()
  return ranked(
    rows.map((row) => mdoItem({ Id: row.ticketStatusId, Name: row.name, ExtraInfo: row.status }))
  )
}

const persons: Provider = async (db) => {
  const t = tablesOf(db).persons
  const rows = await prepared(db, 'mdo.persons', (d) =>
    d
      .select()
      .from(t)
      .where(eq(t.retired, 0))
      .orderBy(asc(t.lastname), asc(t.firstname), asc(t.personId))
  ).execute()
  return ranked(
    rows.map((row) =>
      mdoItem({
        Id: row.personId,
        Name: row.fullName,
        ToolTip: row.contactName ? `${row.fullName}, ${row.contactName}` : row.fullName,
        ExtraInfo: extraInfo([
          ['contact_id', row.contactId],
          ['email', row.email],
        ]),
      })
    )
  )
}

const sales: Provider = async (db) => {
  const t = tablesOf(db).sales
  const rows = await prepared(db, 'mdo.sales', (d) =>
    d.select().from(t).orderBy(asc(t.title), asc(t.saleId))
  ).execute()
  return ranked(
    rows.map((row) => {
      const name = row.contactName ? `${row.title} (${row.contactName})` : row.title
      return mdoItem({ Id: row.saleId, Name: name, ToolTip: row.description })
    })
  )
}

const projects: Provider = async (db) => {
  const t = tablesOf(db).projects
  const rows = await prepared(db, 'mdo.projects', (d) =>
    d.select().from(t).orderBy(asc(t.name), asc(t.projectId))
  ).execute()
  return ranked(
    rows.map((row) =>
      mdoItem({ Id: row.projectId, Name: row.name, ToolTip: row.projectNumber || row.name })
    )
  )
}

const ticketTypes: Provider = async (db) => {
  const t = tablesOf(db).ticketTypes
  const rows = await prepared(db, 'mdo.ticket-types', (d) =>
    d.select().from(t).orderBy(asc(t.ticketTypeId))
  ).execute()
  return ranked(
    rows.map((row) =>
      mdoItem({
        Id: row.ticketTypeId,
        Name: row.name,
        IconHint: row.icon,
        ExtraInfo: extraInfo([
          ['isDefault', row.isDefault ? 1 : 0],
          ['defaultStatus', row.defaultTicketStatus],
          ['defaultPriority', row.defaultTicketPriority],
        ]),
      })
    )
  )
}

/** The flat items of every MDO list this service serves. */
export const listProviders: Record<MdoListName, Provider> = {
  associate: associates,
  ejcategory: categoryList,
  ticketpriority: priorities,
  ticketstatus: statuses,
  person_new: persons,
  sale: sales,
  project: projects,
  tickettype: ticketTypes,
}
