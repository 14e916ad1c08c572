import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { sqliteFile } from '../test/temp-database.ts'
import { openStore, type SqliteStore } from './store.ts'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup()
  }
})

async function open(url: string): Promise<SqliteStore> {
  const store = await openStore(url)
  if (store.dialect !== 'sqlite') {
    throw new Error('expected an SQLite store')
  }
  return store
}

async function openFile(): Promise<{ store: SqliteStore; url: string }> {
  const file = sqliteFile()
  cleanups.push(file.remove)
  const store = await open(file.url)
  cleanups.push(() => store.close())
  return { store, url: file.url }
}

type Writer = SqliteStore['native']['db']

/**
 * Inserts a ticket row with `title` and the plainest value of every other required column: the
 * search index only cares that a ticket row appeared.
 */
function insertTicket(db: Writer, ticketId: number, title: string) {
  const columns = db.all<{ name: string; type: string; notnull: number; dflt_value: unknown }>(
    sql`pragma table_info(tickets)`
  )
  const values = new Map<string, unknown>([
    ['ticket_id', ticketId],
    ['title', title],
  ])
  for (const column of columns) {
    if (column.notnull && column.dflt_value === null && !values.has(column.name)) {
      values.set(column.name, column.type.toLowerCase() === 'integer' ? 0 : '{}')
    }
  }
  const names = sql.join(
    [...values.keys()].map((name) => sql.identifier(name)),
    sql`, `
  )
  const params = sql.join(
    [...values.values()].map((value) => sql`${value}`),
    sql`, `
  )
  db.run(sql`insert into tickets (${names}) values (${params})`)
}

/** The tickets a word finds, as committed: read on the reader, outside any transaction. */
function found(store: SqliteStore, word: string): number[] {
  return store.native.reader
    .all<{ id: number }>(
      sql`select rowid as id from ticket_search where ticket_search match ${`"${word}"`} order by rowid`
    )
    .map((row) => row.id)
}

const queued = (store: SqliteStore) =>
  store.native.db.get<{ n: number }>(sql`select count(*) as n from ticket_search_pending`)?.n

describe('the ticket search index on SQLite, written at each commit', () => {
  it('holds the last title of tickets created, renamed and deleted by saves sharing a commit', async () => {
    const { store } = await openFile()
    // Started in one turn of the event loop: the writer runs them in one group, one COMMIT.
    await Promise.all([
      store.transaction(async (tx) => insertTicket(tx as unknown as Writer, 9001, 'alpha printer')),
      store.transaction(async (tx) => {
        ;(tx as unknown as Writer).run(
          sql`update tickets set title = 'bravo printer' where ticket_id = 9001`
        )
      }),
      store.transaction(async (tx) => {
        const writer = tx as unknown as Writer
        insertTicket(writer, 9002, 'charlie printer')
        writer.run(sql`delete from tickets where ticket_id = 9002`)
      }),
      store.transaction(async (tx) => insertTicket(tx as unknown as Writer, 9003, 'delta printer')),
    ])
    expect(found(store, 'alpha')).toEqual([])
    expect(found(store, 'bravo')).toEqual([9001])
    expect(found(store, 'charlie')).toEqual([])
    expect(found(store, 'printer')).toEqual([9001, 9003])
    expect(queued(store)).toBe(0)
  })

  it('indexes nothing of a save that failed, and everything of the others in its commit', async () => {
    const { store } = await openFile()
    const results = await Promise.allSettled([
      store.transaction(async (tx) => {
        insertTicket(tx as unknown as Writer, 9011, 'echo failing')
        throw new Error('this save is refused')
      }),
      store.transaction(async (tx) => insertTicket(tx as unknown as Writer, 9012, 'foxtrot kept')),
    ])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled'])
    expect(found(store, 'echo')).toEqual([])
    expect(found(store, 'foxtrot')).toEqual([9012])
  })

  it('a renamed ticket is found by its new title once its rename commits', async () => {
    const { store } = await openFile()
    await store.transaction(async (tx) => insertTicket(tx as unknown as Writer, 9021, 'golf'))
    await store.transaction(async (tx) => {
      ;(tx as unknown as Writer).run(sql`update tickets set title = 'hotel' where ticket_id = 9021`)
    })
    expect(found(store, 'golf')).toEqual([])
    expect(found(store, 'hotel')).toEqual([9021])
  })

  it('indexes, when the store opens, a title queued by a write outside any transaction', async () => {
    const { store, url } = await openFile()
    await store.close()
    const path = url.replace(/^file:/, '')
    const raw = new BetterSqlite3(path)
    // A write the server never makes, but a maintenance script could: no COMMIT of the writer
    // follows it, so the title waits in the queue.
    insertTicket(
      (await import('drizzle-orm/better-sqlite3')).drizzle(raw) as unknown as Writer,
      9031,
      'india'
    )
    raw.close()
    const reopened = await open(url)
    cleanups.push(() => reopened.close())
    expect(found(reopened, 'india')).toEqual([9031])
    expect(queued(reopened)).toBe(0)
  })
})
