import { describe, expect, test } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { testClock } from '../test/clock.ts'
import { notificationsApp } from '../test/notifications/app.ts'
import { call } from '../test/requests.ts'
import { seeder } from '../test/seed.ts'

const time = (hhmm: string) => `1970-01-01T${hhmm}:00.000Z`
const weekdayHours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((day) => [
    [`${day}Start`, time('08:00')],
    [`${day}Stop`, time('16:00')],
  ])
)
const anna = { username: 'anna', password: 'anna-password' }

/**
 * A ticket created Monday 12 January 2026, 09:00 in Oslo (UTC+1), open (counted internally),
 * with a priority whose office hours are 08–16 Oslo time on weekdays.
 */
async function openTicket() {
  const clock = testClock('2026-01-12T08:00:00.000Z')
  const test = await notificationsApp({ now: clock.now })
  const { app, store } = test
  const seed = seeder(store.db, tablesOf(store.db))
  const priorityId = await seed.priority({ ...weekdayHours, timeZone: 'Europe/Oslo' })
  const status = async (name: string, base: 'Active' | 'Closed', counter: string) => {
    const [row] = await store.db
      .insert(tablesOf(store.db).ticketStatuses)
      .values({
        name,
        status: base,
        timeCounter: counter as 'None',
        noEmailReopen: false,
        isDefault: false,
        usedInQueue: false,
      })
      .returning({ id: tablesOf(store.db).ticketStatuses.ticketStatusId })
    return row?.id ?? 0
  }
  const open = await status('Open', 'Active', 'Internally')
  const waiting = await status('Waiting for customer', 'Active', 'Externally')
  const closed = await status('Closed', 'Closed', 'None')
  test.deps.catalog.invalidate()

  const created = await call(app, 'POST', '/api/v1/Ticket', {
    Title: 'VPN drops every hour',
    OwnedBy: { AssociateId: test.anna.id },
    Priority: { TicketPriorityId: priorityId },
    Status: { TicketStatusId: open },
  })
  expect(created.status, created.text).toBe(200)
  const id: number = created.body.TicketId
  const patch = (body: Record<string, unknown>) =>
    call(app, 'PATCH', `/api/v1/Ticket/${id}`, JSON.stringify(body), {
      headers: { 'content-type': 'application/merge-patch+json' },
    })
  const setStatus = (statusId: number) => patch({ Status: { TicketStatusId: statusId } })
  return { clock, test, app, id, created, patch, setStatus, statuses: { open, waiting, closed } }
}

describe('clocks, read status and history through status changes', { timeout: 30_000 }, () => {
  test('time counters, TimeToClose, ReadStatus and the history follow a ticket over two days', async () => {
    const { clock, test, app, id, created, setStatus, statuses } = await openTicket()
    const { open, waiting, closed } = statuses
    expect(created.body).toMatchObject({ ReadStatus: 'Red', IconHint: 'ticket-unread' })

    // Mon 11:30 Oslo: waiting for the customer. 2.5 office hours were spent internally.
    clock.set('2026-01-12T10:30:00.000Z')
    expect((await setStatus(waiting)).status).toBe(200)
    // Mon 12:00 Oslo: Anna reads it (REST twin of SetTicketReadByOwner).
    clock.set('2026-01-12T11:00:00.000Z')
    const read = await call(app, 'POST', `/api/v1/Ticket/${id}/ReadByOwner`, undefined, {
      auth: anna,
    })
    expect(read.body).toMatchObject({
      ReadStatus: 'Green',
      ReadByOwner: '2026-01-12T11:00:00.000Z',
      FirstReadByOwner: '2026-01-12T11:00:00.000Z',
      FirstReadByUser: '2026-01-12T11:00:00.000Z',
      IconHint: 'ticket-read',
    })

    // Tue 10:00 Oslo: the customer answered; open again. Externally: Mon 11:30–16:00 (4.5 h) +
    // Tue 08:00–10:00 (2 h) = 6.5 office hours; 22.5 h on the wall clock.
    clock.set('2026-01-13T09:00:00.000Z')
    expect((await setStatus(open)).status).toBe(200)
    // Tue 13:00 Oslo: closed. Internally 3 more office hours (10:00–13:00).
    clock.set('2026-01-13T12:00:00.000Z')
    const done = await setStatus(closed)
    expect(done.body).toMatchObject({
      TimeSpentInternally: (2.5 + 3) * 3600,
      RealTimeSpentInternally: (2.5 + 3) * 3600,
      TimeSpentExternally: 6.5 * 3600,
      RealTimeSpentExternally: 22.5 * 3600,
      TimeSpentQueue: 0,
      RealTimeSpentQueue: 0,
      // Mon 09:00–16:00 (7 h) + Tue 08:00–13:00 (5 h) = 720 office minutes; 28 h = 1680 minutes.
      TimeToClose: 720,
      RealTimeToClose: 1680,
      ClosedAt: '2026-01-13T12:00:00.000Z',
      IconHint: 'ticket-closed',
    })

    // The agent marks it unread for the owner; then it goes to Ola, who has not read it.
    clock.set('2026-01-13T13:00:00.000Z')
    const unread = await call(app, 'POST', '/api/v1/Agents/Ticket/SetTicketReadByOwner', {
      ticketId: id,
      readStatus: 'Yellow',
    })
    expect(unread.status, unread.text).toBe(204)
    const reassigned = await call(
      app,
      'PATCH',
      `/api/v1/Ticket/${id}`,
      JSON.stringify({ OwnedBy: { AssociateId: test.ola.id } }),
      { headers: { 'content-type': 'application/merge-patch+json' } }
    )
    expect(reassigned.body).toMatchObject({
      ReadStatus: 'Red',
      ReadByOwner: null,
      FirstReadByOwner: null,
      FirstReadByUser: '2026-01-12T11:00:00.000Z',
    })

    const history = await call(app, 'GET', `/api/v1/Ticket/${id}/History?$top=3`)
    expect(history.body.map((h: { Route: string }) => h.Route)).toEqual([
      'PATCH /api/v1/Ticket/:id',
      'POST /api/v1/Agents/Ticket/SetTicketReadByOwner',
      'PATCH /api/v1/Ticket/:id',
    ])
    expect(history.body[0].Changes).toEqual(
      expect.arrayContaining([
        { Field: 'OwnedBy', From: String(test.anna.id), To: String(test.ola.id) },
        { Field: 'ReadStatus', From: 'Yellow', To: 'Red' },
      ])
    )
    expect(history.body[2].Changes).toEqual(
      expect.arrayContaining([
        { Field: 'Status', From: String(open), To: String(closed) },
        { Field: 'BaseStatus', From: 'Active', To: 'Closed' },
      ])
    )
    expect(history.headers.get('link')).toMatch(/%24skip=3/)
    const all = await call(app, 'GET', `/api/v1/Ticket/${id}/History?$top=100`)
    // Created, three status changes, a read, an unread, a new owner.
    expect(all.body).toHaveLength(7)
    expect(all.body.at(-1)).toMatchObject({
      Route: 'POST /api/v1/Ticket',
      AssociateId: test.admin.id,
    })
  })

  test('an edit between two status changes keeps when the ticket entered its status', async () => {
    const { clock, setStatus, patch, statuses } = await openTicket()
    // Mon 11:30 Oslo: waiting for the customer.
    clock.set('2026-01-12T10:30:00.000Z')
    expect((await setStatus(statuses.waiting)).status).toBe(200)
    // Mon 14:00 Oslo: only the title changes; the ticket is still waiting.
    clock.set('2026-01-12T13:00:00.000Z')
    expect((await patch({ Title: 'VPN drops every hour on the third floor' })).status).toBe(200)
    // Tue 10:00 Oslo: open again. Waiting since Mon 11:30, not since the title's change or the
    // ticket's creation: 4.5 + 2 office hours, 22.5 h on the wall clock.
    clock.set('2026-01-13T09:00:00.000Z')
    const reopened = await setStatus(statuses.open)
    expect(reopened.body).toMatchObject({
      TimeSpentExternally: 6.5 * 3600,
      RealTimeSpentExternally: 22.5 * 3600,
      TimeSpentInternally: 2.5 * 3600,
    })
  })
})
