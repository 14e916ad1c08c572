import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { rawRows } from '../db/raw-rows.ts'
import { demoRefs } from '../test/demo-refs.ts'
import { openTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { postgresPlan } from '../test/query-plan.ts'
import { seedTickets } from '../test/seeded-tickets.ts'
import { archiveQuery } from './list-tickets.ts'

it('on PostgreSQL the queue query reads its order from the sort index, without a Sort', async () => {
  const database = await createTestDatabase()
  const opened = await openTestApp({ database: database.url, env: { TICKET_DEMO_DATA: '1' } })
  try {
    const { store, catalog } = opened.deps
    const refs = await demoRefs(store)
    const ownerIds = refs.associates.map((a) => a.associateId)
    const admin = refs.associates[0]
    await seedTickets({ store, catalog }, 5000, ownerIds, admin)
    await rawRows(store, sql`analyze`)
    const { query } = archiveQuery(store, {
      filter: `baseStatus eq 'Active' and ownedBy eq ${ownerIds[1]}`,
      orderBy: 'createdAt desc',
      top: 50,
      mode: 'Slim',
      zone: null,
    })
    const plan = await postgresPlan(store, query)
    expect(plan.indexNames, plan.shown).toContain(
      'tickets_base_status_owned_by_id_created_at_ticket_id_idx'
    )
    expect(
      plan.nodeTypes.filter((type) => type.includes('Sort')),
      plan.shown
    ).toEqual([])
  } finally {
    await opened.close()
    await database.drop()
  }
}, 60_000)
