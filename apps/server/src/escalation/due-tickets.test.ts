import { sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { rawRows } from '../db/raw-rows.ts'
import { demoRefs } from '../test/demo-refs.ts'
import { openTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { postgresPlan, sqlitePlan } from '../test/query-plan.ts'
import { seedTickets } from '../test/seeded-tickets.ts'
import { dueTicketsQuery } from './due-tickets.ts'

const now = new Date('2026-06-01T12:00:00.000Z')

/**
 * An escalation pass runs on a timer in every process, on SQLite on the request thread: it must
 * read the tickets that have an alert, not every active ticket (a full read took 14 ms at 42,000
 * tickets, stalling every request in flight, and grows with the table).
 */
describe('the escalation pass reads its due tickets from the partial index', () => {
  for (const dialect of ['sqlite', 'pg'] as const) {
    test(dialect, { timeout: 90_000 }, async () => {
      const database = dialect === 'pg' ? await createTestDatabase() : undefined
      const opened = await openTestApp({
        database: database?.url ?? 'file',
        env: { TICKET_DEMO_DATA: '1' },
      })
      try {
        const { store, catalog } = opened.deps
        const refs = await demoRefs(store)
        const ownerIds = refs.associates.map((a) => a.associateId)
        await seedTickets({ store, catalog }, 3000, ownerIds, refs.associates[0])
        // Three tickets due (one an hour ago, two a day ago), one due later, one closed.
        const alerts: [number, string, string][] = [
          [101, '2026-06-01T11:00:00.000Z', 'Active'],
          [202, '2026-05-31T12:00:00.000Z', 'Active'],
          [303, '2026-05-31T12:00:00.000Z', 'Active'],
          [404, '2026-06-02T12:00:00.000Z', 'Active'],
          [505, '2026-05-30T12:00:00.000Z', 'Closed'],
        ]
        for (const [id, at, status] of alerts) {
          await rawRows(
            store,
            sql`update tickets set alert_timeout = ${at}, base_status = ${status} where ticket_id = ${id} returning ticket_id`
          )
        }
        const due = await dueTicketsQuery(store, now, 50)
        // 202 and 303 tie on the due time and may come in either order.
        expect(due.map((t) => t.ticketId).sort()).toEqual([101, 202, 303])
        expect(due.map((t) => t.alertTimeout)).toEqual([
          '2026-05-31T12:00:00.000Z',
          '2026-05-31T12:00:00.000Z',
          '2026-06-01T11:00:00.000Z',
        ])

        const query = dueTicketsQuery(store, now, 50)
        if (store.dialect === 'sqlite') {
          const plan = sqlitePlan(store, query)
          expect(plan.join('\n')).toContain('tickets_base_status_alert_timeout_set_idx')
          expect(plan.filter((line) => line.includes('TEMP B-TREE'))).toEqual([])
        } else {
          await rawRows(store, sql`analyze tickets`)
          const plan = await postgresPlan(store, query)
          expect(plan.indexNames, plan.shown).toContain('tickets_base_status_alert_timeout_set_idx')
          expect(
            plan.nodeTypes.filter((type) => type === 'Seq Scan' || type.includes('Sort')),
            plan.shown
          ).toEqual([])
        }
      } finally {
        await opened.close()
        await database?.drop()
      }
    })
  }
})
