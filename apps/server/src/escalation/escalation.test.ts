import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, onTestFinished, test } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { testClock } from '../test/clock.ts'
import { allDay, escalationOf } from '../test/escalation.ts'
import { openTestApp } from '../test/harness.ts'
import { waitForOutbox } from '../test/notifications/commit-change.ts'
import { call } from '../test/requests.ts'
import { seeder } from '../test/seed.ts'

describe('escalation with an injected clock', { timeout: 60_000 }, () => {
  test('steps fire once each, across a restart, raising AlertLevel, reassigning and notifying', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticket-escalation-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const database = `file:${join(dir, 'ticket.db')}`
    // Monday 2 March 2026, 09:00 UTC; the priority's office is open around the clock.
    const clock = testClock('2026-03-02T09:00:00.000Z')
    const first = await openTestApp({ database, now: clock.now })
    const seed = seeder(first.deps.store.db, tablesOf(first.deps.store.db))
    const anna = await seed.user('anna', 'anna-password', false)
    const ola = await seed.user('ola', 'ola-password', false)
    const priorityId = await seed.priority({
      ...allDay,
      timeZone: 'UTC',
      deadline: 30,
      escalationLevels: [
        { Level: 1, Minutes: 60, ReassignTo: 0 },
        { Level: 2, Minutes: 120, ReassignTo: ola },
      ],
    })
    const created = await call(first.app, 'POST', '/api/v1/Ticket', {
      Title: 'Server room is flooding',
      OwnedBy: { AssociateId: anna },
      Priority: { TicketPriorityId: priorityId },
    })
    expect(created.status, created.text).toBe(200)
    const id = created.body.TicketId
    expect(created.body).toMatchObject({
      AlertLevel: 0,
      AlertTimeout: '2026-03-02T10:00:00.000Z',
      // No Deadline in the body: the priority's 30 minutes from creation.
      Deadline: '2026-03-02T09:30:00.000Z',
      IconHint: 'ticket-unread',
    })
    // Nothing is due yet; then the process stops.
    expect(await escalationOf(first.deps).runOnce()).toBe(0)
    await first.close()

    // Restarted five minutes after the first step fell due.
    clock.set('2026-03-02T10:05:00.000Z')
    const second = await openTestApp({ database, now: clock.now })
    onTestFinished(() => second.close())
    const scheduler = escalationOf(second.deps)
    expect(await scheduler.runOnce()).toBe(1)
    expect(await scheduler.runOnce()).toBe(0)
    const afterFirst = await call(second.app, 'GET', `/api/v1/Ticket/${id}`)
    expect(afterFirst.body).toMatchObject({
      AlertLevel: 1,
      // Step 2 is 120 minutes after creation.
      AlertTimeout: '2026-03-02T11:00:00.000Z',
      // The priority's 30 minutes from the step.
      Deadline: '2026-03-02T10:35:00.000Z',
      OwnedBy: { AssociateId: anna },
      IconHint: 'ticket-escalated',
    })

    clock.set('2026-03-02T11:30:00.000Z')
    expect(await scheduler.runOnce()).toBe(1)
    const afterSecond = await call(second.app, 'GET', `/api/v1/Ticket/${id}`)
    expect(afterSecond.body).toMatchObject({
      AlertLevel: 2,
      AlertTimeout: null,
      Deadline: '2026-03-02T12:00:00.000Z',
      OwnedBy: { AssociateId: ola },
      ReadStatus: 'Red',
      FirstReadByOwner: null,
    })
    clock.set('2026-03-09T00:00:00.000Z')
    expect(await scheduler.runOnce()).toBe(0)

    await waitForOutbox(second.deps.store)
    const inbox = async (auth: { username: string; password: string }) =>
      (await call(second.app, 'GET', '/api/v1/Notification', undefined, { auth })).body
        .map((n: { Event: string }) => n.Event)
        .sort()
    expect(await inbox({ username: 'anna', password: 'anna-password' })).toEqual([
      'TicketEscalated',
      'TicketTakenOver',
    ])
    expect(await inbox({ username: 'ola', password: 'ola-password' })).toEqual(['NewTicket'])

    const history = await call(second.app, 'GET', `/api/v1/Ticket/${id}/History`)
    expect(history.body.map((h: { Route: string }) => h.Route)).toEqual([
      'escalation',
      'escalation',
      'POST /api/v1/Ticket',
    ])
    expect(history.body[0]).toMatchObject({ AssociateId: 0 })
    expect(history.body[0].Changes).toEqual(
      expect.arrayContaining([
        { Field: 'AlertLevel', From: '1', To: '2' },
        { Field: 'OwnedBy', From: String(anna), To: String(ola) },
      ])
    )
  })
})
