import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { rawRows } from '../db/raw-rows.ts'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { serviceModules } from '../modules/index.ts'
import { createTestApp, openTestApp, type TestAppOptions } from '../test/harness.ts'
import { seedTicketRow } from '../test/notifications/seed.ts'
import { call } from '../test/requests.ts'
import { seeder } from '../test/seed.ts'
import { temporaryDatabase } from '../test/temp-database.ts'
import { createSearchBacklogModule } from './search-backlog.ts'

// Without the module that moves the backlog after creates, only a search (or nothing) moves it.
const withoutBackgroundMoves: TestAppOptions = {
  modules: serviceModules.filter((module) => module !== createSearchBacklogModule),
}

/** Ticket ids in the index and in the backlog, as the database holds them now. */
async function indexState(store: Store) {
  const ids = async (query: ReturnType<typeof sql>) =>
    (await rawRows(store, query)).map((row) => Number(row.id))
  // FTS5 keys the index by rowid; PostgreSQL's search table has a ticket_id column.
  const key = sql.raw(store.dialect === 'sqlite' ? 'rowid' : 'ticket_id')
  return {
    indexed: await ids(sql`select ${key} as id from ticket_search order by ${key}`),
    waiting: await ids(sql`select ticket_id as id from ticket_search_backlog order by ticket_id`),
  }
}

type App = Awaited<ReturnType<typeof createTestApp>>['app']

async function create(app: App, Title: string): Promise<number> {
  const res = await call(app, 'POST', '/api/v1/Ticket', { Title })
  expect(res.status, res.text).toBe(200)
  return res.body.TicketId as number
}

async function search(app: App, words: string): Promise<number[]> {
  const filter = encodeURIComponent(`search eq '${words}'`)
  const res = await call(app, 'GET', `/api/v1/Ticket?$filter=${filter}`)
  expect(res.status, res.text).toBe(200)
  return res.body.value.map((row: { PrimaryKey: number }) => row.PrimaryKey)
}

describe.each([
  ['SQLite', 'file'],
  ['PostgreSQL', 'pg'],
] as const)('new titles on their way into the search index (%s)', (_, kind) => {
  const fresh = async (options: TestAppOptions = {}) =>
    createTestApp({ ...options, database: await temporaryDatabase(kind) })

  it('a create leaves the index alone, and a search right after it finds the ticket', async () => {
    const { app, deps } = await fresh(withoutBackgroundMoves)
    const before = await indexState(deps.store)
    const id = await create(app, 'Scanner overheats')
    const after = await indexState(deps.store)
    expect(after.indexed).toEqual(before.indexed)
    expect(after.waiting).toContain(id)
    expect(await search(app, 'overheats')).toEqual([id])
    expect(await indexState(deps.store)).toEqual({
      indexed: [...before.indexed, id].sort((a, b) => a - b),
      waiting: [],
    })
  })

  it("finds tickets the test seeders wrote straight into the table, as it finds a save's", async () => {
    const { app, deps } = await fresh(withoutBackgroundMoves)
    const { db } = deps.store
    const seeded = await seeder(db, tablesOf(db)).ticket({ title: 'Laminator jams' })
    const bare = await seedTicketRow(deps.store, 'Laminator smokes')
    expect(await search(app, 'laminator')).toEqual([seeded, bare])
  })

  it('indexes a title changed while its ticket waits as it is now, and never the old one', async () => {
    const { app } = await fresh(withoutBackgroundMoves)
    const id = await create(app, 'Printer jams')
    const renamed = await call(app, 'PUT', `/api/v1/Ticket/${id}`, { Title: 'Printer smokes' })
    expect(renamed.status, renamed.text).toBe(200)
    expect(await search(app, 'smokes')).toEqual([id])
    expect(await search(app, 'jams')).toEqual([])
  })

  it('never finds a ticket deleted while it waited', async () => {
    const { app, deps } = await fresh(withoutBackgroundMoves)
    const kept = await create(app, 'Monitor flickers')
    const id = await create(app, 'Monitor flickers again')
    expect((await indexState(deps.store)).waiting).toContain(id)
    const deleted = await call(app, 'DELETE', `/api/v1/Ticket/${id}`)
    expect(deleted.status, deleted.text).toBe(204)
    expect(await search(app, 'flickers')).toEqual([kept])
  })

  it('moves a burst of creates in the background, without a search', async () => {
    const { app, deps } = await fresh()
    const ids = [
      await create(app, 'Fax one'),
      await create(app, 'Fax two'),
      await create(app, 'Fax three'),
    ]
    const deadline = Date.now() + 10_000
    while ((await indexState(deps.store)).waiting.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const { indexed, waiting } = await indexState(deps.store)
    expect(waiting).toEqual([])
    expect(indexed).toEqual(expect.arrayContaining(ids))
  })

  it('keeps what waits across a restart, and the next search finds it', async () => {
    const database = await temporaryDatabase(kind)
    const first = await openTestApp({ ...withoutBackgroundMoves, database })
    const id = await create(first.app, 'Keyboard sticks')
    expect((await indexState(first.deps.store)).waiting).toContain(id)
    await first.close()
    const second = await openTestApp({ ...withoutBackgroundMoves, database })
    try {
      expect((await indexState(second.deps.store)).waiting).toContain(id)
      expect(await search(second.app, 'sticks')).toEqual([id])
    } finally {
      await second.close()
    }
  })
})

describe('new titles across two processes on PostgreSQL', () => {
  it("finds a title another process's create left waiting, when both search at once", async () => {
    const database = await temporaryDatabase('pg')
    const one = await createTestApp({ ...withoutBackgroundMoves, database })
    const other = await createTestApp({ ...withoutBackgroundMoves, database })
    const ids = [await create(one.app, 'Router reboots'), await create(one.app, 'Router hums')]
    expect((await indexState(other.deps.store)).waiting).toEqual(ids)
    // Both move the same backlog at once: each search finds both tickets, and nothing is lost.
    const found = await Promise.all([search(other.app, 'router'), search(one.app, 'router')])
    expect(found.map((each) => [...each].sort((a, b) => a - b))).toEqual([ids, ids])
    expect(await indexState(one.deps.store)).toEqual({
      indexed: expect.arrayContaining(ids),
      waiting: [],
    })
  })
})
