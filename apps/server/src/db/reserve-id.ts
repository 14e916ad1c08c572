import { getTableName, type SQL, sql } from 'drizzle-orm'
import type { Db, Tables } from './db.ts'
import { idBlockOf } from './id-blocks.ts'
import { prepared } from './prepared.ts'
import { tablesOf } from './tables-of.ts'
import { holdsWrites, readLater } from './write-later.ts'

/** Ids a process draws from a table's sequence at a time (see `id-blocks.ts`). */
const idsPerDraw = 32

/** The tables whose new rows may take their id before the INSERT, and each one's id column. */
const idColumns = {
  tickets: (t: Tables) => t.tickets.ticketId,
  ticketMessages: (t: Tables) => t.ticketMessages.ticketMessageId,
}

type TableWithIds = keyof typeof idColumns

/** `nextval` of the sequence behind `table`'s id column, as an integer. */
function nextIdOf(d: Db, table: TableWithIds): SQL<number> {
  const column = idColumns[table](tablesOf(d))
  const sequence = sql`pg_get_serial_sequence(${getTableName(column.table)}, ${column.name})`
  return sql<number>`nextval(${sequence})::integer`
}

/**
 * On PostgreSQL, a new row's id from the process's block of `table`'s sequence, so the INSERT
 * needs no answer and goes with the commit. When the block is used up, the next block is drawn
 * with the save's next statement. Elsewhere (SQLite, a plain transaction) undefined: the INSERT
 * returns the id.
 */
export function reserveId(tx: Db, table: TableWithIds): (() => Promise<number>) | undefined {
  const block = idBlockOf(tx, table)
  if (!block) {
    return undefined
  }
  const draw = () => {
    const statement = prepared(tx, `${table}.next-ids`, (d) =>
      d
        .select({ id: nextIdOf(d, table) })
        .from(sql`generate_series(1, ${sql.raw(String(idsPerDraw))})`)
    )
    return readLater(tx, async () => {
      const rows = await statement.execute()
      block.add(rows.map((row) => row.id))
      const id = block.take()
      if (id === undefined) {
        throw new Error(`the ${table} sequence gave no id`)
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

/**
 * On PostgreSQL, one new id of `table`'s sequence, drawn with the transaction's next statement
 * (`readLater`): asked for after a lock, it is drawn under that lock, so rows made under one
 * lock get increasing ids in the order they were made, whichever process made them. Elsewhere
 * (SQLite, a plain transaction) undefined: the INSERT returns the id.
 */
export function nextIdLater(tx: Db, table: TableWithIds): (() => Promise<number>) | undefined {
  if (!holdsWrites(tx)) {
    return undefined
  }
  const statement = prepared(tx, `${table}.next-id`, (d) =>
    d.select({ id: nextIdOf(d, table) }).from(sql`(values (1)) as one`)
  )
  const drawn = readLater(tx, () => statement.execute())
  return async () => {
    const [row] = await drawn()
    if (!row) {
      throw new Error(`the ${table} sequence gave no id`)
    }
    return row.id
  }
}
