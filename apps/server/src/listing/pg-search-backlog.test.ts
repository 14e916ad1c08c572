import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { rawRows } from '../db/raw-rows.ts'
import { demoRefs } from '../test/demo-refs.ts'
import { openTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { postgresPlan } from '../test/query-plan.ts'
import { seedTickets } from '../test/seeded-tickets.ts'
import { moveStatement } from './pg-search-backlog.ts'

it('on PostgreSQL a move of the title backlog looks each ticket up, however stale its statistics', async () => {
  const database = await createTestDatabase()
  const opened = await openTestApp({ database: database.url, env: { TICKET_DEMO_DATA: '1' } })
  try {
    const { store, catalog } = opened.deps
    const refs = await demoRefs(store)
    const admin = refs.associates[0]
    await seedTickets({ store, catalog }, 5000, [admin?.associateId ?? 0], admin)
    await rawRows(store, sql`delete from ticket_search_backlog`)
    // The statistics keep a burst the backlog held when they were taken: here 13,000 rows.
    await rawRows(
      store,
      sql`insert into ticket_search_backlog select g from generate_series(1000001, 1013000) g`
    )
    await rawRows(store, sql`analyze`)
    await rawRows(store, sql`delete from ticket_search_backlog`)
    // Now 400 titles wait.
    await rawRows(
      store,
      sql`insert into ticket_search_backlog select ticket_id from tickets order by ticket_id desc limit 400`
    )
    const plan = await postgresPlan(store, moveStatement)
    expect(plan.scannedWhole, plan.shown).not.toContain('tickets')
    expect(plan.indexNames, plan.shown).toContain('tickets_pkey')
  } finally {
    await opened.close()
    await database.drop()
  }
}, 60_000)
