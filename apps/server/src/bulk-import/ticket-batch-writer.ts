import type { Tag } from '@ticket/schema'
import type { Db, SqliteStore, Store, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { backlogNewTickets } from '../listing/sqlite-search-backlog.ts'
import { resolveTags } from '../tickets/resolve-tags.ts'
import { sqliteMultiInsert, sqliteRowEncoder } from './sqlite-multi-insert.ts'
import { newTicketColumns } from './ticket-row.ts'

/** A line ready to write: the ticket's row and its links. */
export interface TicketToWrite {
  /** Values in `newTicketColumns` order, as `ticketRowEncoder` of the same store left them. */
  row: unknown[]
  /** Resolved tags; undefined while a sent tag name is new (created with the batch). */
  tags: Tag[] | undefined
  sentTags: Partial<Tag>[] | undefined
  personIds: number[]
}

/** Writes a batch of new tickets inside the caller's transaction. */
export type TicketBatchWriter = (tx: Db, items: TicketToWrite[]) => Promise<void>

// Rows per Drizzle multi-row insert on PostgreSQL.
const rowsPerInsert = 500
const tagColumns = ['ticketId', 'tagId', 'position']
const personColumns = ['ticketId', 'personId', 'position']

/**
 * Readies a `newTicketRow` for the writer of the store's dialect. On SQLite: the values SQLite
 * stores (see `sqliteRowEncoder`). On PostgreSQL Drizzle maps them when it inserts: as they are.
 */
export function ticketRowEncoder(store: Store): (row: unknown[]) => unknown[] {
  return store.dialect === 'sqlite'
    ? sqliteRowEncoder(tablesOf(store.db).tickets, newTicketColumns)
    : (row) => row
}

/**
 * The writer for the store's dialect. On SQLite: raw prepared multi-row INSERTs on the writer
 * connection (the transaction `store.transaction` opened on it), built once per row count, so
 * a batch costs no query building. On PostgreSQL: Drizzle's multi-row inserts.
 */
export function ticketBatchWriter(store: Store): TicketBatchWriter {
  const tables = tablesOf(store.db)
  const write = store.dialect === 'sqlite' ? sqliteWrites(store) : drizzleWrites
  return async (tx, items) => {
    for (const item of items) {
      if (item.sentTags) {
        // Every sent tag was checked when its line was read: new names are created, none fail.
        item.tags = await resolveTags(tx, tables, item.sentTags, [])
      }
    }
    const ids = await write.tickets(
      tx,
      items.map((item) => item.row)
    )
    const tagRows = items.flatMap((item, i) =>
      (item.tags ?? []).map((tag, position) => [ids[i], tag.Id, position])
    )
    const personRows = items.flatMap((item, i) =>
      item.personIds.map((personId, position) => [ids[i], personId, position])
    )
    await write.links(tx, tagRows, personRows)
  }
}

interface Writes {
  tickets(tx: Db, rows: unknown[][]): Promise<number[]>
  links(tx: Db, tagRows: unknown[][], personRows: unknown[][]): Promise<void>
}

function sqliteWrites(store: SqliteStore): Writes {
  // The better-sqlite3 connection under the writer: its transactions run there.
  const connection = store.native.db.$client
  // The import's own connection: a page cache large enough for the hot pages of the tickets
  // table, its indexes and the full-text index as they grow by whole batches (the default is
  // 2 MiB). WAL and synchronous=NORMAL stay as the store set them: a commit survives a crash.
  connection.pragma('cache_size = -131072')
  const tables = tablesOf(store.db)
  const tickets = sqliteMultiInsert(connection, tables.tickets, newTicketColumns, {
    returning: 'ticketId',
  })
  const tags = sqliteMultiInsert(connection, tables.ticketTags, tagColumns)
  const persons = sqliteMultiInsert(connection, tables.ticketSecondaryPersons, personColumns)
  return {
    tickets: async (_tx, rows) => {
      const ids = tickets.run(rows) as number[]
      backlogNewTickets(store, ids)
      return ids
    },
    links: async (_tx, tagRows, personRows) => {
      tags.run(tagRows)
      persons.run(personRows)
    },
  }
}

/** Rows as Drizzle takes them: objects by table key. */
const objects = (keys: string[], rows: unknown[][]) =>
  rows.map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i]])))

const drizzleWrites: Writes = {
  async tickets(tx, rows) {
    const tables = tablesOf(tx)
    const ids: number[] = []
    for (let i = 0; i < rows.length; i += rowsPerInsert) {
      // RETURNING lists the rows of a multi-row VALUES insert in the order given.
      const inserted = await tx
        .insert(tables.tickets)
        .values(
          objects(
            newTicketColumns,
            rows.slice(i, i + rowsPerInsert)
          ) as (typeof tables.tickets.$inferInsert)[]
        )
        .returning({ ticketId: tables.tickets.ticketId })
      ids.push(...inserted.map((r) => r.ticketId))
    }
    return ids
  },
  async links(tx, tagRows, personRows) {
    const tables = tablesOf(tx)
    await insertLinks(tx, tables.ticketTags, tagColumns, tagRows)
    await insertLinks(tx, tables.ticketSecondaryPersons, personColumns, personRows)
  },
}

/** Link rows (narrow: four times as many per statement as tickets) in multi-row inserts. */
async function insertLinks<T extends Tables['ticketTags'] | Tables['ticketSecondaryPersons']>(
  tx: Db,
  table: T,
  columns: string[],
  rows: unknown[][]
) {
  const perInsert = rowsPerInsert * 4
  for (let i = 0; i < rows.length; i += perInsert) {
    await tx
      .insert(table)
      .values(objects(columns, rows.slice(i, i + perInsert)) as T['$inferInsert'][])
  }
}
