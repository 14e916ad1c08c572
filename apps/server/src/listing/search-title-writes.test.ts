import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Store } from '../db/store.ts'
import { createTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { call } from '../test/requests.ts'
import { searchIndexUpToDate } from './search-backlog.ts'

/**
 * What the full-text index holds for one ticket, as a fingerprint that changes whenever the
 * index is written for it: on SQLite the index's stored blocks, on PostgreSQL the search row's
 * version (`xmin`, new on every UPDATE of the row).
 */
async function searchFingerprint(store: Store, ticketId: number): Promise<string> {
  // New titles wait in a backlog; what is compared is the index with none waiting.
  await searchIndexUpToDate(store)
  if (store.dialect === 'sqlite') {
    const [row] = store.native.db.all<{ blocks: number; bytes: number }>(
      sql`select count(*) as blocks, sum(length(block)) as bytes from ticket_search_data`
    )
    return JSON.stringify(row)
  }
  const result = await store.native.db.execute(
    sql`select xmin::text as version from ticket_search where ticket_id = ${ticketId}`
  )
  return JSON.stringify(result.rows)
}

/**
 * A ticket's message search rows: on PostgreSQL with their versions (`xmin`, new on every
 * UPDATE), on SQLite by id only (FTS5 rows carry no version; there the ticket index's
 * fingerprint is what a rewrite would change).
 */
async function messageRowVersions(store: Store, ticketId: number): Promise<string> {
  if (store.dialect === 'sqlite') {
    const rows = store.native.db.all<{ id: number }>(
      sql`select rowid as id from message_search where ticket_id = ${ticketId} order by rowid`
    )
    return JSON.stringify(rows)
  }
  const result = await store.native.db.execute(
    sql`select ticket_message_id, xmin::text as version from message_search where ticket_id = ${ticketId} order by ticket_message_id`
  )
  return JSON.stringify(result.rows)
}

type TestApp = Awaited<ReturnType<typeof createTestApp>>

/** Runs `check` against a new app on `dialect` that holds one ticket titled "Printer jams". */
async function withTicket(
  dialect: 'sqlite' | 'pg',
  check: (app: TestApp['app'], deps: TestApp['deps'], id: number) => Promise<void>
) {
  const database = dialect === 'pg' ? await createTestDatabase() : undefined
  try {
    const { app, deps } = await createTestApp({ database: database?.url ?? ':memory:' })
    const created = await call(app, 'POST', '/api/v1/Ticket', { Title: 'Printer jams' })
    expect(created.status, created.text).toBe(200)
    await check(app, deps, created.body.TicketId as number)
  } finally {
    await database?.drop()
  }
}

describe.each(['sqlite', 'pg'] as const)('the search index on %s', (dialect) => {
  it('indexes a saved message alone, not the ticket nor its other messages', () =>
    withTicket(dialect, async (app, deps, id) => {
      const post = (Body: string) =>
        call(app, 'POST', '/api/v1/TicketMessage', { TicketId: id, Body })
      const first = await post('Toner everywhere')
      expect(first.status, first.text).toBe(200)
      const ticketRow = await searchFingerprint(deps.store, id)
      const firstRow = await messageRowVersions(deps.store, id)
      expect((await post('Tray empty')).status).toBe(200)
      // The ticket's row is not rewritten; the first message keeps its row as it was.
      expect(await searchFingerprint(deps.store, id)).toBe(ticketRow)
      const both = JSON.parse(await messageRowVersions(deps.store, id)) as unknown[]
      expect(both).toHaveLength(2)
      expect(JSON.stringify(both.slice(0, 1))).toBe(firstRow)
    }))

  it('is written when a save changes the title, and only then', () =>
    withTicket(dialect, async (app, deps, id) => {
      const before = await searchFingerprint(deps.store, id)
      // Saves that send the same title (a full PUT sends every property) leave the index alone.
      for (const Deadline of ['2030-01-10T12:00:00Z', '2030-02-10T12:00:00Z']) {
        const kept = await call(app, 'PUT', `/api/v1/Ticket/${id}`, {
          Title: 'Printer jams',
          Deadline,
        })
        expect(kept.status, kept.text).toBe(200)
      }
      expect(await searchFingerprint(deps.store, id)).toBe(before)
      const renamed = await call(app, 'PUT', `/api/v1/Ticket/${id}`, { Title: 'Printer smokes' })
      expect(renamed.status, renamed.text).toBe(200)
      expect(await searchFingerprint(deps.store, id)).not.toBe(before)
      const search = async (words: string) => {
        const res = await call(
          app,
          'GET',
          `/api/v1/Ticket?$filter=${encodeURIComponent(`search eq '${words}'`)}`
        )
        expect(res.status, res.text).toBe(200)
        return res.body.value.map((row: { PrimaryKey: number }) => row.PrimaryKey)
      }
      expect(await search('smokes')).toEqual([id])
      expect(await search('jams')).toEqual([])
    }))
})
