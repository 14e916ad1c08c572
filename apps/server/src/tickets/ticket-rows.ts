import type { Tag, TicketEntity, TicketMessage } from '@ticket/schema'
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { ticketMessagesProjection, ticketsProjection } from '../db/projection.gen.ts'
import { columnsToProperties } from '../db/projection-map.ts'
import type { Db, Tables } from '../db/store.ts'

export type TicketRow = typeof import('../db/schema.sqlite.gen.ts').tickets.$inferSelect

/** The live (not deleted) ticket row, or undefined. */
export async function findTicketRow(db: Db, tables: Tables, id: number) {
  const [row] = await db
    .select()
    .from(tables.tickets)
    .where(and(eq(tables.tickets.ticketId, id), isNull(tables.tickets.deletedAt)))
    .limit(1)
  return row
}

/** The plain (non-carrier) properties of a ticket row, without storage-only fields. */
export function ticketScalars(row: TicketRow): Partial<TicketEntity> {
  const {
    Revision: _revision,
    DeletedAt: _deletedAt,
    ...rest
  } = columnsToProperties(ticketsProjection, row)
  return rest as Partial<TicketEntity>
}

export async function loadTags(db: Db, tables: Tables, ticketId: number): Promise<Tag[]> {
  const rows = await db
    .select({ Id: tables.tags.id, Name: tables.tags.name, ToolTip: tables.tags.toolTip })
    .from(tables.ticketTags)
    .innerJoin(tables.tags, eq(tables.tags.id, tables.ticketTags.tagId))
    .where(eq(tables.ticketTags.ticketId, ticketId))
    .orderBy(asc(tables.ticketTags.position))
  return rows
}

export async function loadSecondaryPersonIds(db: Db, tables: Tables, ticketId: number) {
  const rows = await db
    .select({ personId: tables.ticketSecondaryPersons.personId })
    .from(tables.ticketSecondaryPersons)
    .where(eq(tables.ticketSecondaryPersons.ticketId, ticketId))
    .orderBy(asc(tables.ticketSecondaryPersons.position))
  return rows.map((r) => r.personId)
}

export async function loadMessages(
  db: Db,
  tables: Tables,
  ticketId: number
): Promise<TicketMessage[]> {
  const rows = await db
    .select()
    .from(tables.ticketMessages)
    .where(eq(tables.ticketMessages.ticketId, ticketId))
    .orderBy(asc(tables.ticketMessages.ticketMessageId))
  return rows.map((row) => {
    const { TicketId: _ticketId, ...message } = columnsToProperties(ticketMessagesProjection, row)
    return { ...message, MessageHeaders: [] } as unknown as TicketMessage
  })
}

/** Which of the given ticket ids are live, for the list calls. */
export async function liveTicketRows(db: Db, tables: Tables, ids: number[]) {
  if (ids.length === 0) {
    return []
  }
  return db
    .select()
    .from(tables.tickets)
    .where(and(inArray(tables.tickets.ticketId, ids), isNull(tables.tickets.deletedAt)))
}
