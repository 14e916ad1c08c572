import { eq } from 'drizzle-orm'
import { describe, expect, onTestFinished, test } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { testClock } from '../test/clock.ts'
import { allDay, escalationOf } from '../test/escalation.ts'
import { openTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { call } from '../test/requests.ts'
import { seeder } from '../test/seed.ts'

describe('escalation on PostgreSQL with two processes', { timeout: 60_000 }, () => {
  test('each due ticket is escalated exactly once', async () => {
    const database = await createTestDatabase()
    onTestFinished(database.drop)
    const clock = testClock('2026-03-02T09:00:00.000Z')
    const one = await openTestApp({ database: database.url, now: clock.now })
    onTestFinished(() => one.close())
    const other = await openTestApp({ database: database.url, now: clock.now })
    onTestFinished(() => other.close())
    const { store } = one.deps
    const priorityId = await seeder(store.db, tablesOf(store.db)).priority({
      ...allDay,
      timeZone: 'UTC',
      escalationLevels: [{ Level: 1, Minutes: 30, ReassignTo: 0 }],
    })
    const ids: number[] = []
    for (let i = 0; i < 8; i += 1) {
      const saved = await call(one.app, 'POST', '/api/v1/Ticket', {
        Title: `Due ${i}`,
        Priority: { TicketPriorityId: priorityId },
      })
      ids.push(saved.body.TicketId)
    }
    clock.set('2026-03-02T10:00:00.000Z')
    const fired = await Promise.all([
      escalationOf(one.deps).runOnce(),
      escalationOf(other.deps).runOnce(),
      escalationOf(one.deps).runOnce(),
      escalationOf(other.deps).runOnce(),
    ])
    expect(fired.reduce((a, b) => a + b, 0)).toBe(8)
    for (const id of ids) {
      const rows = await store.db
        .select({ route: tablesOf(store.db).ticketHistory.route })
        .from(tablesOf(store.db).ticketHistory)
        .where(eq(tablesOf(store.db).ticketHistory.ticketId, id))
      expect(rows.filter((r) => r.route === 'escalation')).toHaveLength(1)
      const ticket = await call(other.app, 'GET', `/api/v1/Ticket/${id}`)
      expect(ticket.body).toMatchObject({ AlertLevel: 1, AlertTimeout: null })
    }
  })
})
