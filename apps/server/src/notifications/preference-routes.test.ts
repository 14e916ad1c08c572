import { describe, expect, test } from 'vitest'
import { notificationsApp } from '../test/notifications/app.ts'
import { waitForOutbox } from '../test/notifications/commit-change.ts'
import { call } from '../test/requests.ts'

const path = '/api/v1/Notification/Preferences'
const allBoth = {
  NewTicket: 'both',
  TicketTakenOver: 'both',
  TicketActivated: 'both',
  CategoryNewTicket: 'both',
  NewMessage: 'both',
  TicketEscalated: 'both',
}

describe('GET/PUT /api/v1/Notification/Preferences', { timeout: 30_000 }, () => {
  test('defaults, then the caller’s own choice, which the rules apply', async () => {
    const { app, store, anna, ola } = await notificationsApp({
      env: { SMTP_URL: 'smtp://127.0.0.1:1' },
    })
    const initial = await call(app, 'GET', path, undefined, { auth: anna.auth })
    expect(initial.status).toBe(200)
    expect(initial.body).toEqual(allBoth)
    const xml = await call(app, 'GET', path, undefined, {
      auth: anna.auth,
      headers: { accept: 'application/xml' },
    })
    expect(xml.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(xml.text).toContain('<NotificationPreferences')
    expect(xml.text).toContain('<NewTicket>both</NewTicket>')

    const put = await call(
      app,
      'PUT',
      path,
      { NewTicket: 'inapp', TicketTakenOver: 'none' },
      {
        auth: anna.auth,
      }
    )
    expect(put.status, put.text).toBe(200)
    expect(put.body).toEqual({ ...allBoth, NewTicket: 'inapp', TicketTakenOver: 'none' })
    expect((await call(app, 'GET', path, undefined, { auth: anna.auth })).body).toEqual(put.body)
    expect((await call(app, 'GET', path, undefined, { auth: ola.auth })).body).toEqual(allBoth)

    await call(app, 'POST', '/api/v1/Ticket?notify=true', {
      Title: 'In-app only',
      OwnedBy: { AssociateId: anna.id },
    })
    const rows = await waitForOutbox(store, (r) => r.channel === 'email' || r.status !== 'pending')
    expect(rows.map((r) => r.channel)).toEqual(['inapp'])
  })

  test('an invalid body is 400 with every invalid path, and changes nothing', async () => {
    const { app, anna } = await notificationsApp()
    await call(app, 'PUT', path, { NewTicket: 'email' }, { auth: anna.auth })
    const bad = await call(
      app,
      'PUT',
      path,
      { NewTicket: 'loud', TicketActivated: 3, Bogus: 'none' },
      { auth: anna.auth, breaksDocument: 'rejected' }
    )
    expect(bad.status).toBe(400)
    expect(bad.body.code).toBe('VALIDATION')
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/Bogus',
      '/NewTicket',
      '/TicketActivated',
    ])
    expect(bad.body.errors.find((e: { path: string }) => e.path === '/NewTicket').message).toBe(
      'must be one of: inapp, email, both, none'
    )
    const after = await call(app, 'GET', path, undefined, { auth: anna.auth })
    expect(after.body.NewTicket).toBe('email')
  })

  test.each([
    ['an array', 400, '[]', 'application/json'],
    ['null', 400, 'null', 'application/json'],
    ['malformed JSON', 400, '{"NewTicket":', 'application/json'],
    ['another media type', 415, 'NewTicket=inapp', 'text/plain'],
  ])('%s → %i', async (_what, status, body, type) => {
    const { app, anna } = await notificationsApp()
    const res = await call(app, 'PUT', path, body, {
      auth: anna.auth,
      headers: { 'content-type': type },
      breaksDocument: 'rejected',
    })
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/problem\+json/)
  })
})
