import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { rawRows } from '../db/raw-rows.ts'
import { demoRefs } from '../test/demo-refs.ts'
import { openTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { seedTickets } from '../test/seeded-tickets.ts'
import { archiveQuery } from './list-tickets.ts'

interface PlanNode {
  'Node Type': string
  'Index Name'?: string
  Plans?: PlanNode[]
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)]

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
    const [explained] = await rawRows(store, sql`explain (format json) ${query}`)
    const [output] = (explained?.['QUERY PLAN'] ?? []) as { Plan: PlanNode }[]
    if (!output) {
      throw new Error('EXPLAIN returned no plan')
    }
    const plan = output.Plan
    const nodes = nodesOf(plan)
    const shown = JSON.stringify(plan, null, 1)
    expect(
      nodes.map((n) => n['Index Name']),
      shown
    ).toContain('tickets_base_status_owned_by_id_created_at_ticket_id_idx')
    expect(
      nodes.filter((n) => n['Node Type'].includes('Sort')),
      shown
    ).toEqual([])
  } finally {
    await opened.close()
    await database.drop()
  }
}, 60_000)
