import { eq, getTableName, sql } from 'drizzle-orm'
import { prepared } from '../db/prepared.ts'
import { placeholdersFor, shapeKey } from '../db/statement-shape.ts'
import type { Db } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { holdsWrites, readLater, writeLater } from '../db/write-later.ts'

/** The keys a statement writes: an undefined value means "leave it", as Drizzle's builders read it. */
const definedKeys = (values: Record<string, unknown>) =>
  Object.keys(values).filter((key) => values[key] !== undefined)

/**
 * On PostgreSQL, draws a new ticket's id from the tickets' own sequence, sent with the save's
 * next statement: the INSERT then needs no answer and goes with the commit, one round trip
 * fewer. Elsewhere (SQLite, a plain transaction) undefined: the INSERT returns the id.
 */
export function reserveTicketId(tx: Db): (() => Promise<number>) | undefined {
  if (!holdsWrites(tx)) {
    return undefined
  }
  const statement = prepared(tx, 'tickets.next-id', (d) => {
    const { tickets } = tablesOf(d)
    const sequence = sql`pg_get_serial_sequence(${getTableName(tickets)}, ${tickets.ticketId.name})`
    return d
      .select({ id: sql<number>`nextval(${sequence})::integer` })
      .from(sql`(values (1)) as one`)
  })
  return readLater(tx, async () => {
    const [row] = await statement.execute()
    if (!row) {
      throw new Error('the ticket sequence gave no id')
    }
    return row.id
  })
}

/** Inserts a ticket row and returns its id: the `reserved` one, or the one the INSERT returns. */
export async function insertTicket(
  tx: Db,
  values: Record<string, unknown>,
  reserved: (() => Promise<number>) | undefined
): Promise<number> {
  if (reserved) {
    const row = { ticketId: await reserved(), ...values }
    const keys = definedKeys(row)
    const statement = prepared(tx, shapeKey('tickets.insert-with-id', keys), (d) =>
      d.insert(tablesOf(d).tickets).values(placeholdersFor(keys) as never)
    )
    await writeLater(tx, () => statement.execute(row))
    return row.ticketId
  }
  const keys = definedKeys(values)
  const statement = prepared(tx, shapeKey('tickets.insert', keys), (d) => {
    const { tickets } = tablesOf(d)
    return d
      .insert(tickets)
      .values(placeholdersFor(keys) as never)
      .returning({ ticketId: tickets.ticketId })
  })
  const [inserted] = await statement.execute(values)
  if (!inserted) {
    throw new Error('insert returned no ticket id')
  }
  return inserted.ticketId
}

export async function updateTicket(tx: Db, ticketId: number, values: Record<string, unknown>) {
  const keys = definedKeys(values)
  const statement = prepared(tx, shapeKey('tickets.update', keys), (d) => {
    const { tickets } = tablesOf(d)
    return d
      .update(tickets)
      .set(placeholdersFor(keys) as never)
      .where(eq(tickets.ticketId, sql.placeholder('id$')))
  })
  await statement.execute({ ...values, id$: ticketId })
}
