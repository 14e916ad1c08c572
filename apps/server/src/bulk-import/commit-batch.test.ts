import { count, eq } from 'drizzle-orm'
import { describe, expect, it, onTestFinished } from 'vitest'
import { callerOf } from '../auth/caller-of.ts'
import { tablesOf } from '../db/tables-of.ts'
import { demoRefs } from '../test/demo-refs.ts'
import { openTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { sampleCreateIn } from '../test/reference-sample.ts'
import { dialects, type TestDialect } from '../test/stores.ts'
import { bulkImport } from './bulk-import.ts'
import { type BatchSink, batchSink } from './commit-batch.ts'
import type { TicketToWrite } from './ticket-batch-writer.ts'
import { newTicketColumns } from './ticket-row.ts'

async function demoStore(dialect: TestDialect) {
  const database = dialect === 'pg' ? await createTestDatabase() : undefined
  const opened = await openTestApp({
    database: database?.url ?? 'file',
    env: { TICKET_DEMO_DATA: '1' },
  })
  onTestFinished(async () => {
    await opened.close()
    await database?.drop()
  })
  const { store, catalog } = opened.deps
  const t = tablesOf(store.db)
  const [admin] = await store.db
    .select()
    .from(t.associates)
    .where(eq(t.associates.userName, 'admin'))
  if (!admin) {
    throw new Error('the demo tenant has no admin')
  }
  const ticketCount = async () => (await store.db.select({ n: count() }).from(t.tickets))[0]?.n
  const body = sampleCreateIn(await demoRefs(store))
  const lines = (n: number, from: number) =>
    Array.from({ length: n }, (_, i) => ({
      number: from + i + 1,
      text: JSON.stringify({ ...body, Title: `imported ${from + i}` }),
      end: 0,
      utf8: true,
    }))
  const run = (sink: BatchSink, n: number, from: number, batchSize: number) =>
    bulkImport(lines(n, from), {
      store,
      catalog,
      caller: callerOf(admin),
      now: () => new Date(),
      batchSize,
      onRejected: (line) => {
        throw new Error(`line ${line.line} rejected: ${line.problem}`)
      },
      sink,
    })
  return { store, ticketCount, run }
}

describe.each(dialects)('an import batch on %s', (dialect) => {
  it('keeps its parts in one transaction: a part that fails to write fails the commit and stores none of its batch, and the batches after it commit', async () => {
    const { store, ticketCount, run } = await demoStore(dialect)
    const before = await ticketCount()
    const sink = batchSink(store)
    let parts = 0
    const author = newTicketColumns.indexOf('author')
    const failing: BatchSink = {
      add(items: TicketToWrite[]) {
        parts++
        const [first] = items
        if (parts === 2 && first) {
          // A column the database requires: this part's INSERT fails, after the first part's.
          first.row[author] = null
        }
        sink.add(items)
      },
      commit: (end) => sink.commit(end),
    }
    // 600 lines are one batch of three parts.
    await expect(run(failing, 600, 0, 600)).rejects.toThrow()
    expect(await ticketCount()).toBe(before)
    expect(parts).toBe(3)

    // The sink's next batches start a transaction each, and commit. Batches of one part, read
    // from memory, follow each other within one turn of the event loop.
    const result = await run(sink, 1_000, 600, 200)
    expect(result.imported).toBe(1_000)
    expect(await ticketCount()).toBe(Number(before) + 1_000)
  }, 60_000)
})
