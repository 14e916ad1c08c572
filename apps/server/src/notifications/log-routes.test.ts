import { describe, expect, test } from 'vitest'
import { notificationsApp } from '../test/notifications/app.ts'
import { waitForOutbox } from '../test/notifications/commit-change.ts'
import { seedCategory } from '../test/notifications/seed.ts'
import { startSmtpSink } from '../test/notifications/smtp-sink.ts'
import { call } from '../test/requests.ts'

describe('GET /api/v1/Ticket/{id}/Notifications (delivery log)', { timeout: 30_000 }, () => {
  test('each recipient, channel, status, tries and last error', async () => {
    const sink = await startSmtpSink({ accepting: false })
    const { app, store, anna, ola } = await notificationsApp({ env: { SMTP_URL: sink.url } })
    const category = await seedCategory(store, {
      name: 'Desk',
      flags: 'NotifyMembers',
      members: [ola.id],
    })
    const saved = await call(app, 'POST', '/api/v1/Ticket?notify=true', {
      Title: 'Logged',
      OwnedBy: { AssociateId: anna.id },
      Category: { TicketCategoryId: category },
    })
    const id = saved.body.TicketId
    await waitForOutbox(store, (r) => r.channel === 'inapp' || r.tries >= 1)
    const log = await call(app, 'GET', `/api/v1/Ticket/${id}/Notifications`)
    expect(log.status).toBe(200)
    const lines = log.body.map((d: Record<string, unknown>) => [
      d.Recipient,
      d.Channel,
      d.Event,
      d.Status,
      d.Tries,
    ])
    expect(lines).toEqual([
      ['Anna Tester', 'inapp', 'NewTicket', 'delivered', 1],
      ['Anna Tester', 'email', 'NewTicket', 'pending', expect.any(Number)],
      ['Ola Tester', 'inapp', 'CategoryNewTicket', 'delivered', 1],
      ['Ola Tester', 'email', 'CategoryNewTicket', 'pending', expect.any(Number)],
    ])
    const email = log.body[1]
    expect(email).toMatchObject({
      TicketId: id,
      RecipientAssociateId: anna.id,
      EventKey: expect.stringMatching(new RegExp(`^ticket:${id}:rev:1@`)),
      LastError: expect.stringMatching(/451/),
      NextAttemptAt: expect.stringMatching(/Z$/),
      DeliveredAt: null,
    })
    expect(Object.keys(email).sort()).toEqual(
      [
        'DeliveryId',
        'TicketId',
        'Event',
        'EventKey',
        'Channel',
        'RecipientAssociateId',
        'Recipient',
        'Status',
        'Tries',
        'LastError',
        'CreatedAt',
        'NextAttemptAt',
        'DeliveredAt',
      ].sort()
    )
  })

  test('keys each change by the revision the save wrote', async () => {
    const { app, store, anna, ola } = await notificationsApp()
    const saved = await call(app, 'POST', '/api/v1/Ticket?notify=true', {
      Title: 'Keyed',
      OwnedBy: { AssociateId: anna.id },
    })
    const id = saved.body.TicketId
    const moved = await call(app, 'PUT', `/api/v1/Ticket/${id}?notify=true`, {
      OwnedBy: { AssociateId: ola.id },
    })
    expect(moved.status, moved.text).toBe(200)
    await waitForOutbox(store, (r) => r.status !== 'pending')
    const log = await call(app, 'GET', `/api/v1/Ticket/${id}/Notifications`)
    const keys = log.body.map((d: Record<string, unknown>) => [
      d.Recipient,
      d.Event,
      String(d.EventKey).replace(/@.*/, ''),
    ])
    expect(keys).toEqual(
      expect.arrayContaining([
        ['Anna Tester', 'NewTicket', `ticket:${id}:rev:1`],
        ['Ola Tester', 'NewTicket', `ticket:${id}:rev:2`],
        ['Anna Tester', 'TicketTakenOver', `ticket:${id}:rev:2`],
      ])
    )
  })

  test('a deleted ticket has no log to show', async () => {
    const { app } = await notificationsApp()
    const saved = await call(app, 'POST', '/api/v1/Ticket', { Title: 'Gone soon' })
    const id = saved.body.TicketId
    expect((await call(app, 'GET', `/api/v1/Ticket/${id}/Notifications`)).body).toEqual([])
    expect((await call(app, 'DELETE', `/api/v1/Ticket/${id}`)).status).toBe(204)
    expect((await call(app, 'GET', `/api/v1/Ticket/${id}/Notifications`)).status).toBe(404)
  })
})
