import { eq, getTableName, sql } from 'drizzle-orm'
import { idBlockOf } from '../db/id-blocks.ts'
import { prepared } from '../db/prepared.ts'
import { rowShape } from '../db/statement-shape.ts'
import type { Db } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { readLater, writeLater } from '../db/write-later.ts'

/** Ticket ids a process draws from the sequence at a time (see `db/id-blocks.ts`). */
export const ticketIdsPerDraw = 32

/**
 * On PostgreSQL, a new ticket's id from the process's block of the tickets' sequence, so the
 * INSERT needs no answer and goes with the commit. When the block is used up, the next block is
 * drawn with the save's next statement. Elsewhere (SQLite, a plain transaction) undefined: the
 * INSERT returns the id.
 */
export function reserveTicketId(tx: Db): (() => Promise<number>) | undefined {
  const block = idBlockOf(tx, 'tickets')
  if (!block) {
    return undefined
  }
  const draw = () => {
    const statement = prepared(tx, 'tickets.next-ids', (d) => {
      const { tickets } = tablesOf(d)
      const sequence = sql`pg_get_serial_sequence(${getTableName(tickets)}, ${tickets.ticketId.name})`
      return d
        .select({ id: sql<number>`nextval(${sequence})::integer` })
        .from(sql`generate_series(1, ${sql.raw(String(ticketIdsPerDraw))})`)
    })
    return readLater(tx, async () => {
      const rows = await statement.execute()
      block.add(rows.map((row) => row.id))
      const id = block.take()
      if (id === undefined) {
        throw new Error('the ticket sequence gave no id')
      }
      return id
    })
  }
  // Taken only when the INSERT asks: a save that fails its checks first uses up no id.
  const drawn = block.holdsSome ? undefined : draw()
  return () => {
    if (drawn) {
      return drawn()
    }
    const id = block.take()
    return id === undefined ? draw()() : Promise.resolve(id)
  }
}

/** Inserts a ticket row and returns its id: the `reserved` one, or the one the INSERT returns. */
export async function insertTicket(
  tx: Db,
  values: Record<string, unknown>,
  reserved: (() => Promise<number>) | undefined
): Promise<number> {
  if (reserved) {
    const row = { ticketId: await reserved(), ...values }
    const shape = rowShape('tickets.insert-with-id', row)
    const statement = prepared(tx, shape.key, (d) =>
      d.insert(tablesOf(d).tickets).values(shape.placeholders() as never)
    )
    await writeLater(tx, () => statement.execute(row))
    return row.ticketId
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

export async function updateTicket(tx: Db, ticketId: number, values: Record<string, unknown>) {
  const shape = rowShape('tickets.update', values)
  const statement = prepared(tx, shape.key, (d) => {
    const { tickets } = tablesOf(d)
    return d
      .update(tickets)
      .set(shape.placeholders() as never)
      .where(eq(tickets.ticketId, sql.placeholder('id$')))
  })
  await statement.execute({ ...values, id$: ticketId })
}
