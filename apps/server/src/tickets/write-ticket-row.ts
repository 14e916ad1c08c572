import { eq, sql } from 'drizzle-orm'
import { insertLater } from '../db/insert-later.ts'
import { prepared } from '../db/prepared.ts'
import { insertReportingRowid } from '../db/sqlite-insert-rowid.ts'
import { rowShape } from '../db/statement-shape.ts'
import type { Db, Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { writeLater } from '../db/write-later.ts'
import { backlogNewTickets } from '../listing/sqlite-search-backlog.ts'

/**
 * Inserts a ticket row and returns its id: the `reserved` one; on SQLite the rowid the insert
 * reports; otherwise the one the INSERT returns. On SQLite it also puts the id into the search
 * index's backlog (on PostgreSQL a trigger does).
 */
export async function insertTicket(
  tx: Db,
  store: Store,
  values: Record<string, unknown>,
  reserved: (() => Promise<number>) | undefined
): Promise<number> {
  if (reserved) {
    const row = { ticketId: await reserved(), ...values }
    await insertLater(tx, 'tickets.insert-with-id', (t) => t.tickets, row)
    return row.ticketId
  }
  if (store.dialect === 'sqlite') {
    // Neither a RETURNING clause nor a trigger: with either, SQLite journals every page the
    // insert touches first (docs/decisions.md, "Group commit on SQLite").
    const ticketId = await insertReportingRowid(
      tx,
      'tickets.insert-reported',
      (t) => t.tickets,
      values
    )
    backlogNewTickets(store, [ticketId])
    return ticketId
  }
  const shape = rowShape('tickets.insert', values)
  const statement = prepared(tx, shape.key, (d) => {
    const { tickets } = tablesOf(d)
    return d
      .insert(tickets)
      .values(shape.placeholders() as never)
      .returning({ ticketId: tickets.ticketId })
  })
  const [inserted] = await statement.execute(values)
  if (!inserted) {
    throw new Error('insert returned no ticket id')
  }
  return inserted.ticketId
}

/**
 * Updates a ticket row. Nothing is read from the UPDATE, so where the transaction holds writes
 * back (PostgreSQL) it goes with the next statement or the commit (`writeLater`).
 */
export async function updateTicket(tx: Db, ticketId: number, values: Record<string, unknown>) {
  const shape = rowShape('tickets.update', values)
  const statement = prepared(tx, shape.key, (d) => {
    const { tickets } = tablesOf(d)
    return d
      .update(tickets)
      .set(shape.placeholders() as never)
      .where(eq(tickets.ticketId, sql.placeholder('id$')))
  })
  await writeLater(tx, () => statement.execute({ ...values, id$: ticketId }))
}
