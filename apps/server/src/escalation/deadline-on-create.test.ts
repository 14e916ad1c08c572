import { describe, expect, test } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { testClock } from '../test/clock.ts'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'
import { seeder } from '../test/seed.ts'

const time = (hhmm: string) => `1970-01-01T${hhmm}:00.000Z`
const weekdayHours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((day) => [
    [`${day}Start`, time('08:00')],
    [`${day}Stop`, time('16:00')],
  ])
)

describe('a new ticket’s Deadline', { timeout: 30_000 }, () => {
  test('comes from its priority in office time unless the body carries one', async () => {
    // Friday 6 March 2026, 15:00 in Oslo (UTC+1); office hours 08–16 Oslo time, weekdays.
    const clock = testClock('2026-03-06T14:00:00.000Z')
    const { app, deps } = await createTestApp({ now: clock.now })
    const seed = seeder(deps.store.db, tablesOf(deps.store.db))
    const priorityId = await seed.priority({
      ...weekdayHours,
      timeZone: 'Europe/Oslo',
      deadline: 120,
      escalationLevels: [{ Level: 1, Minutes: 240, ReassignTo: 0 }],
    })
    const noMinutes = await seed.priority({ ...weekdayHours, timeZone: 'Europe/Oslo' })
    const create = (extra: Record<string, unknown>) =>
      call(app, 'POST', '/api/v1/Ticket', {
        Title: 'Mail server rejects attachments',
        Priority: { TicketPriorityId: priorityId },
        ...extra,
      })

    const derived = await create({})
    expect(derived.status, derived.text).toBe(200)
    expect(derived.body).toMatchObject({
      // 60 minutes left on Friday (15–16), the other 60 on Monday from 08:00 Oslo,
      // so 09:00 Oslo.
      Deadline: '2026-03-09T08:00:00.000Z',
      // 240 minutes: 60 on Friday, 180 on Monday from 08:00 Oslo, so 11:00 Oslo.
      AlertTimeout: '2026-03-09T10:00:00.000Z',
    })
    const stored = await call(app, 'GET', `/api/v1/Ticket/${derived.body.TicketId}`)
    expect(stored.body.Deadline).toBe('2026-03-09T08:00:00.000Z')

    // A later save without a Deadline does not recompute it, even after the clock moved.
    clock.set('2026-03-09T12:00:00.000Z')
    const renamed = await call(
      app,
      'PATCH',
      `/api/v1/Ticket/${derived.body.TicketId}`,
      JSON.stringify({ Title: 'Mail server rejects large attachments' }),
      { headers: { 'content-type': 'application/merge-patch+json' } }
    )
    expect(renamed.status, renamed.text).toBe(200)
    expect(renamed.body.Deadline).toBe('2026-03-09T08:00:00.000Z')

    // What the client writes is kept: an instant, or no deadline at all.
    const chosen = await create({ Deadline: '2026-03-06T18:00:00Z' })
    expect(chosen.status, chosen.text).toBe(200)
    expect(chosen.body.Deadline).toBe('2026-03-06T18:00:00.000Z')
    const none = await create({ Deadline: null })
    expect(none.status, none.text).toBe(200)
    expect(none.body.Deadline).toBeNull()

    // A priority that adds no deadline minutes gives none.
    const plain = await create({ Priority: { TicketPriorityId: noMinutes } })
    expect(plain.status, plain.text).toBe(200)
    expect(plain.body.Deadline).toBeNull()
  })
})
