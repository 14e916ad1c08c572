import { describe, expect, test } from 'vitest'
import { notificationsApp } from '../test/notifications/app.ts'
import { waitForOutbox } from '../test/notifications/commit-change.ts'
import { startSmtpSink } from '../test/notifications/smtp-sink.ts'
import { call } from '../test/requests.ts'
import { temporaryDatabase } from '../test/temp-database.ts'

describe('notifications through the app on PostgreSQL', { timeout: 60_000 }, () => {
  test('save with notify, email and in-app delivered, listed, read, logged, preferences', async () => {
    const sink = await startSmtpSink()
    const { app, store, anna } = await notificationsApp({
      database: await temporaryDatabase('pg'),
      env: { SMTP_URL: sink.url },
    })
    const prefs = await call(
      app,
      'PUT',
      '/api/v1/Notification/Preferences',
      { TicketActivated: 'inapp' },
      { auth: anna.auth }
    )
    expect(prefs.status).toBe(200)
    const saved = await call(app, 'POST', '/api/v1/Ticket?notify=true', {
      Title: 'On PostgreSQL',
      OwnedBy: { AssociateId: anna.id },
    })
    expect(saved.status, saved.text).toBe(200)
    const rows = await waitForOutbox(store)
    expect(rows.map((r) => [r.channel, r.status, r.tries])).toEqual([
      ['inapp', 'delivered', 1],
      ['email', 'delivered', 1],
    ])
    const [mail] = await sink.waitForAccepted(1)
    expect(mail?.subject).toBe(`New request #${saved.body.TicketId}: On PostgreSQL`)

    const unread = await call(app, 'GET', '/api/v1/Notification?unread=true', undefined, {
      auth: anna.auth,
    })
    expect(unread.body).toHaveLength(1)
    const id = unread.body[0].NotificationId
    const read = await call(app, 'POST', `/api/v1/Notification/${id}/Read`, undefined, {
      auth: anna.auth,
    })
    expect(read.status).toBe(204)
    const after = await call(app, 'GET', '/api/v1/Notification?unread=false', undefined, {
      auth: anna.auth,
    })
    expect(
      after.body.map((n: { NotificationId: number; Read: boolean }) => [n.NotificationId, n.Read])
    ).toEqual([[id, true]])
    const log = await call(app, 'GET', `/api/v1/Ticket/${saved.body.TicketId}/Notifications`)
    expect(log.body.map((d: { Channel: string; Status: string }) => [d.Channel, d.Status])).toEqual(
      [
        ['inapp', 'delivered'],
        ['email', 'delivered'],
      ]
    )
    const mine = await call(app, 'GET', '/api/v1/Notification/Preferences', undefined, {
      auth: anna.auth,
    })
    expect(mine.body.TicketActivated).toBe('inapp')
  })
})
