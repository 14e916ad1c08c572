import { propertiesOf, type Tag, TicketEntity } from '@ticket/schema'
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { forUpdate } from '../db/for-update.ts'
import { prepared } from '../db/prepared.ts'
import { ticketsProjection } from '../db/projection.gen.ts'
import { columnsInto } from '../db/projection-map.ts'
import type { Db, Tables } from '../db/store.ts'
import { writeLater } from '../db/write-later.ts'

export type TicketRow = typeof import('../db/schema.sqlite.gen.ts').tickets.$inferSelect

/** The ticket whose id is the `id` placeholder, unless it is deleted. */
const liveTicketWithId = (tables: Tables) =>
  and(eq(tables.tickets.ticketId, sql.placeholder('id')), isNull(tables.tickets.deletedAt))

/**
 * Locks the ticket's row until the transaction ends (PostgreSQL's `FOR UPDATE`; see
 * `loadTicketForUpdate`). Sent with the transaction's next statement, so it costs no round trip
 * of its own. PostgreSQL only (`forUpdate`).
 */
export async function lockTicketRow(tx: Db, tables: Tables, id: number): Promise<void> {
  const statement = prepared(tx, 'tickets.lock-by-id', (d) =>
    forUpdate(
      d
        .select({ ticketId: tables.tickets.ticketId })
        .from(tables.tickets)
        .where(eq(tables.tickets.ticketId, sql.placeholder('id')))
    )
  )
  await writeLater(tx, () => statement.execute({ id }))
}

/** The live (not deleted) ticket row, or undefined. */
export async function findTicketRow(db: Db, tables: Tables, id: number) {
  const statement = prepared(db, 'tickets.live-by-id', (d) =>
    d.select().from(tables.tickets).where(liveTicketWithId(tables)).limit(1)
  )
  const [row] = await statement.execute({ id })
  return row
}

/**
 * The live ticket's revision and last change, and nothing else: one indexed read, cheap enough
 * to ask the database on every conditional request and every cached read.
 */
export async function findTicketVersion(db: Db, tables: Tables, id: number) {
  const statement = prepared(db, 'tickets.live-version-by-id', (d) =>
    d
      .select({ revision: tables.tickets.revision, lastChanged: tables.tickets.lastChanged })
      .from(tables.tickets)
      .where(liveTicketWithId(tables))
      .limit(1)
  )
  const [row] = await statement.execute({ id })
  return row
}

/**
 * The storage-only properties of a ticket row (its revision, deleted mark, status clock's start):
 * the projection's columns that the entity schema does not have. Kept in the row, never sent.
 */
export const storageOnlyProperties: readonly string[] = Object.keys(
  ticketsProjection.columns
).filter((property) => !Object.hasOwn(propertiesOf(TicketEntity), property))
const storageOnly = new Set(storageOnlyProperties)
const scalarsProjection = {
  ...ticketsProjection,
  columns: Object.fromEntries(
    Object.entries(ticketsProjection.columns).filter(([property]) => !storageOnly.has(property))
  ),
}

/** The plain (non-carrier) properties of a ticket row, without storage-only fields. */
/** The row's plain columns written into `entity` as wire properties. */
export function writeTicketScalars(entity: Record<string, unknown>, row: TicketRow): void {
  columnsInto(entity, scalarsProjection, row)
}

export async function loadTags(db: Db, tables: Tables, ticketId: number): Promise<Tag[]> {
  const statement = prepared(db, 'tickets.tags', (d) =>
    d
      .select({ Id: tables.tags.id, Name: tables.tags.name, ToolTip: tables.tags.toolTip })
      .from(tables.ticketTags)
      .innerJoin(tables.tags, eq(tables.tags.id, tables.ticketTags.tagId))
      .where(eq(tables.ticketTags.ticketId, sql.placeholder('id')))
      .orderBy(asc(tables.ticketTags.position))
  )
  return statement.execute({ id: ticketId })
}

export async function loadSecondaryPersonIds(db: Db, tables: Tables, ticketId: number) {
  const statement = prepared(db, 'tickets.secondary-persons', (d) =>
    d
      .select({ personId: tables.ticketSecondaryPersons.personId })
      .from(tables.ticketSecondaryPersons)
      .where(eq(tables.ticketSecondaryPersons.ticketId, sql.placeholder('id')))
      .orderBy(asc(tables.ticketSecondaryPersons.position))
  )
  const rows = await statement.execute({ id: ticketId })
  return rows.map((r) => r.personId)
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
