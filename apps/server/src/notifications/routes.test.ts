import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { serviceModules } from '../modules/index.ts'
import { notificationsApp } from '../test/notifications/app.ts'
import { inappCount, outboxRows, waitForOutbox } from '../test/notifications/commit-change.ts'
import { seedCategory } from '../test/notifications/seed.ts'
import { startSmtpSink } from '../test/notifications/smtp-sink.ts'
import { call } from '../test/requests.ts'

describe('notify=true through POST /api/v1/Ticket', { timeout: 30_000 }, () => {
  test('the new owner gets an in-app notification, listed, filtered and marked read', async () => {
    const { app, store, anna, ola } = await notificationsApp()
    const saved = await call(app, 'POST', '/api/v1/Ticket?notify=true', {
      Title: 'Printer on fire',
      OwnedBy: { AssociateId: anna.id },
    })
    expect(saved.status, saved.text).toBe(200)
    await waitForOutbox(store)

    const list = await call(app, 'GET', '/api/v1/Notification', undefined, { auth: anna.auth })
    expect(list.status).toBe(200)
    expect(list.body).toEqual([
      {
        NotificationId: expect.any(Number),
        AssociateId: anna.id,
        TicketId: saved.body.TicketId,
        Event: 'NewTicket',
        Title: `New request #${saved.body.TicketId}: Printer on fire`,
        Body: 'You have been assigned a new request.',
        Link: `http://127.0.0.1:8787/api/v1/Ticket/${saved.body.TicketId}`,
        CreatedAt: saved.body.LastChanged,
        ReadAt: null,
        Read: false,
      },
    ])
    const id = list.body[0].NotificationId
    const unread = () =>
      call(app, 'GET', '/api/v1/Notification?unread=true', undefined, { auth: anna.auth })
    expect((await unread()).body).toHaveLength(1)

    const other = await call(app, 'POST', `/api/v1/Notification/${id}/Read`, undefined, {
      auth: ola.auth,
    })
    expect(other.status).toBe(404)
    expect(other.headers.get('content-type')).toMatch(/problem\+json/)
    expect((await unread()).body).toHaveLength(1)

    const read = await call(app, 'POST', `/api/v1/Notification/${id}/Read`, undefined, {
      auth: anna.auth,
    })
    expect(read.status).toBe(204)
    expect((await unread()).body).toEqual([])
    const done = await call(app, 'GET', '/api/v1/Notification?unread=false', undefined, {
      auth: anna.auth,
    })
    expect(done.body).toHaveLength(1)
    expect(done.body[0]).toMatchObject({ Read: true, ReadAt: expect.stringMatching(/Z$/) })
    await call(app, 'POST', `/api/v1/Notification/${id}/Read`, undefined, { auth: anna.auth })
    const again = await call(app, 'GET', '/api/v1/Notification', undefined, { auth: anna.auth })
    expect(again.body[0].ReadAt).toBe(done.body[0].ReadAt)
    expect(
      (await call(app, 'GET', '/api/v1/Notification', undefined, { auth: ola.auth })).body
    ).toEqual([])
  })

  test('an admin may list anyone’s; others may not', async () => {
    const { app, store, anna, ola } = await notificationsApp()
    await call(app, 'POST', '/api/v1/Ticket?notify=true', {
      Title: 'For Anna',
      OwnedBy: { AssociateId: anna.id },
    })
    await waitForOutbox(store)
    const asAdmin = await call(app, 'GET', `/api/v1/Notification?associateId=${anna.id}`)
    expect(asAdmin.status).toBe(200)
    expect(asAdmin.body.map((n: { AssociateId: number }) => n.AssociateId)).toEqual([anna.id])
    const asOla = await call(app, 'GET', `/api/v1/Notification?associateId=${anna.id}`, undefined, {
      auth: ola.auth,
    })
    expect(asOla.status).toBe(403)
    const own = await call(app, 'GET', `/api/v1/Notification?associateId=${anna.id}`, undefined, {
      auth: anna.auth,
    })
    expect(own.body).toHaveLength(1)
    expect((await call(app, 'GET', '/api/v1/Notification?associateId=99999')).status).toBe(404)
  })

  test('reassigning: the new owner hears NewTicket, the previous TicketTakenOver, the actor nothing', async () => {
    const { app, store, admin, anna, ola } = await notificationsApp()
    const saved = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'Hand-over',
      OwnedBy: { AssociateId: anna.id },
    })
    const id = saved.body.TicketId
    expect(await outboxRows(store)).toEqual([])
    const moved = await call(
      app,
      'PUT',
      `/api/v1/Ticket/${id}?notify=true`,
      { ...saved.body, OwnedBy: { AssociateId: ola.id } },
      { auth: anna.auth }
    )
    expect(moved.status, moved.text).toBe(200)
    const rows = await waitForOutbox(store)
    expect(
      rows.filter((r) => r.channel === 'inapp').map((r) => [r.recipientAssociateId, r.event])
    ).toEqual([[ola.id, 'NewTicket']])
    expect(await inappCount(store, anna.id)).toBe(0)

    const taken = await call(
      app,
      'PUT',
      `/api/v1/Ticket/${id}?notify=true`,
      { ...moved.body, OwnedBy: { AssociateId: admin.id } },
      {}
    )
    expect(taken.status).toBe(200)
    await waitForOutbox(store)
    const events = (await outboxRows(store))
      .filter((r) => r.channel === 'inapp')
      .map((r) => [r.recipientAssociateId, r.event])
    expect(events).toEqual([
      [ola.id, 'NewTicket'],
      [ola.id, 'TicketTakenOver'],
    ])
  })

  test('notify=false (and the default) write no notification at all', async () => {
    const { app, store, anna } = await notificationsApp()
    for (const query of ['', '?notify=false']) {
      const saved = await call(app, 'POST', `/api/v1/Ticket${query}`, {
        Title: 'Quiet',
        OwnedBy: { AssociateId: anna.id },
      })
      expect(saved.status).toBe(200)
    }
    expect(await outboxRows(store)).toEqual([])
  })

  test('NotifyNewTicket sends the new-ticket notifications again, on demand', async () => {
    const { app, store, anna, ola } = await notificationsApp()
    const category = await seedCategory(store, {
      name: 'Desk',
      flags: 'NotifyMembers',
      members: [ola.id],
    })
    const saved = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'Remind them',
      OwnedBy: { AssociateId: anna.id },
      Category: { TicketCategoryId: category },
    })
    expect(saved.status, saved.text).toBe(200)
    const forced = await call(app, 'POST', `/api/v1/Ticket/${saved.body.TicketId}/NotifyNewTicket`)
    expect(forced.status).toBe(204)
    const rows = await waitForOutbox(store)
    expect(
      rows.filter((r) => r.channel === 'inapp').map((r) => [r.recipientAssociateId, r.event])
    ).toEqual([
      [anna.id, 'NewTicket'],
      [ola.id, 'CategoryNewTicket'],
    ])
    expect(rows.every((r) => r.eventKey.includes(':new@'))).toBe(true)
  })

  test('email through the app reaches a real SMTP server in the recipient’s language', async () => {
    const sink = await startSmtpSink()
    const { app, store, ola } = await notificationsApp({
      env: { SMTP_URL: sink.url, TICKET_PUBLIC_URL: 'https://desk.example.test' },
    })
    const saved = await call(app, 'POST', '/api/v1/Ticket?notify=true', {
      Title: 'Skriveren brenner',
      OwnedBy: { AssociateId: ola.id },
    })
    const [mail] = await sink.waitForAccepted(1)
    expect(mail?.subject).toBe(`Ny henvendelse #${saved.body.TicketId}: Skriveren brenner`)
    expect(mail?.text).toContain(`https://desk.example.test/api/v1/Ticket/${saved.body.TicketId}`)
    const rows = await waitForOutbox(store)
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['inapp', 'delivered'],
      ['email', 'delivered'],
    ])
    expect(mail?.messageId).toBe(rows[1]?.messageId)
  })

  test('a save that fails after planning commits no outbox row', async () => {
    const failing = {
      name: 'fails-late',
      inTransaction: async () => {
        throw new Error('a later module failed')
      },
    }
    const { app, store, anna } = await notificationsApp({
      modules: [...serviceModules, () => failing],
    })
    const saved = await call(app, 'POST', '/api/v1/Ticket?notify=true', {
      Title: 'Never saved',
      OwnedBy: { AssociateId: anna.id },
    })
    expect(saved.status).toBe(500)
    expect(await outboxRows(store)).toEqual([])
    const t = tablesOf(store.db).tickets
    expect(await store.db.select().from(t).where(eq(t.title, 'Never saved'))).toEqual([])
  })
})
