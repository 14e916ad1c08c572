import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { testClock } from '../test/clock.ts'
import { notificationsApp } from '../test/notifications/app.ts'
import { waitForOutbox } from '../test/notifications/commit-change.ts'
import { call } from '../test/requests.ts'
import { seeder } from '../test/seed.ts'

const time = (hhmm: string) => `1970-01-01T${hhmm}:00.000Z`
const weekdayHours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((day) => [
    [`${day}Start`, time('08:00')],
    [`${day}Stop`, time('16:00')],
  ])
)

/** An app on a hand-set clock with Anna owning a ticket of an Oslo 08–16 weekday priority. */
async function conversation() {
  // Friday 16 January 2026, 15:00 in Oslo (UTC+1).
  const clock = testClock('2026-01-16T14:00:00.000Z')
  const test = await notificationsApp({ now: clock.now })
  const seed = seeder(test.store.db, tablesOf(test.store.db))
  const priorityId = await seed.priority({ ...weekdayHours, timeZone: 'Europe/Oslo' })
  const personId = await seed.person({
    firstname: 'Kari',
    lastname: 'Kunde',
    email: 'kari@example.com',
    fullName: 'Kari Kunde',
  })
  const created = await call(test.app, 'POST', '/api/v1/Ticket', {
    Title: 'Printer on fire',
    OwnedBy: { AssociateId: test.anna.id },
    Priority: { TicketPriorityId: priorityId },
  })
  expect(created.status, created.text).toBe(200)
  return { ...test, clock, ticketId: created.body.TicketId as number, personId }
}

const multipart = (
  entity: unknown,
  files: Array<{ name: string; type: string; bytes: Uint8Array<ArrayBuffer> }>
) => {
  const form = new FormData()
  form.set('TicketMessageEntity', JSON.stringify(entity))
  for (const file of files) {
    form.append('file', new File([file.bytes], file.name, { type: file.type }))
  }
  return form
}

describe('ticket messages through the HTTP app', { timeout: 30_000 }, () => {
  test('counters, RepliedAt, reply times, read status and NewMessage follow real messages', async () => {
    const { app, clock, ticketId, personId, anna, store } = await conversation()

    // Fri 15:30 Oslo: the customer writes (saved by the admin's mail integration).
    clock.set('2026-01-16T14:30:00.000Z')
    const fromCustomer = await call(app, 'POST', '/api/v1/TicketMessage', {
      TicketId: ticketId,
      Person: { PersonId: personId },
      Body: 'It is still burning.',
      Type: 'Plain',
      TimeSpent: 0,
    })
    expect(fromCustomer.status, fromCustomer.text).toBe(200)
    expect(fromCustomer.body).toMatchObject({
      TicketMessageId: expect.any(Number),
      TicketId: ticketId,
      Author: 'Kari Kunde',
      EmailHeader: 'kari@example.com',
      Slevel: 'External',
      Type: 'Plain',
      CreatedAt: '2026-01-16T14:30:00.000Z',
      Attachments: [],
      NumAttachments: 0,
    })

    // Mon 19 Jan 09:15 Oslo: Anna, the owner, replies with a screenshot (multipart upload).
    clock.set('2026-01-19T08:15:00.000Z')
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255])
    const upload = await app.request('/api/v1/TicketMessage?notify=true', {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('anna:anna-password').toString('base64')}`,
        accept: 'application/json',
      },
      body: multipart(
        { TicketId: ticketId, Body: 'Unplug it.', HtmlBody: '<p>Unplug it.</p>', TimeSpent: 7 },
        [{ name: 'shot.png', type: 'image/png', bytes: png }]
      ),
    })
    const reply = await upload.json()
    expect(upload.status, JSON.stringify(reply)).toBe(200)
    expect(reply.Attachments).toEqual([
      { AttachmentId: expect.any(Number), Name: 'shot.png', ContentType: 'image/png', AttSize: 9 },
    ])
    const download = await call(
      app,
      'GET',
      `/api/v1/TicketMessage/${reply.TicketMessageId}/Attachments/${reply.Attachments[0].AttachmentId}`
    )
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('image/png')

    // Mon 10:00 Oslo: the admin adds an internal note and notifies the owner.
    clock.set('2026-01-19T09:00:00.000Z')
    const note = await call(app, 'POST', '/api/v1/TicketMessage?notify=true', {
      TicketId: ticketId,
      Body: 'Fire brigade called.',
      Slevel: 'Internal',
      Important: true,
      TimeSpent: 5,
    })
    expect(note.status, note.text).toBe(200)

    const ticket = await call(app, 'GET', `/api/v1/Ticket/${ticketId}`)
    expect(ticket.body).toMatchObject({
      NumMessages: 3,
      // Only Anna's external message is a reply; the customer's is not, the note is internal.
      NumReplies: 1,
      HasAttachment: true,
      RepliedAt: '2026-01-19T08:15:00.000Z',
      // Office hours (Oslo 08–16): Fri 15:00–16:00 is 60 min, Mon 08:00–09:15 is 75 min.
      TimeToReply: 135,
      // Wall clock: Fri 14:00Z to Mon 08:15Z is 2 days 18 h 15 min.
      RealTimeToReply: 3975,
      TimeSpent: 12,
      Author: 'Kari Kunde',
      ReadByCustomer: '2026-01-16T14:30:00.000Z',
      // Anna read it when she replied; the admin's note since then is news to her.
      ReadByOwner: '2026-01-19T08:15:00.000Z',
      FirstReadByOwner: '2026-01-19T08:15:00.000Z',
      FirstReadByUser: '2026-01-19T08:15:00.000Z',
      ReadStatus: 'Yellow',
    })
    expect(ticket.body.Messages).toEqual([
      expect.objectContaining({
        TicketMessageId: fromCustomer.body.TicketMessageId,
        Slevel: 'External',
        PersonId: personId,
        PersonFullName: 'Kari Kunde',
        NumAttachments: 0,
      }),
      expect.objectContaining({
        TicketMessageId: reply.TicketMessageId,
        CreatedBy: anna.id,
        NumAttachments: 1,
        Important: false,
      }),
      expect.objectContaining({
        TicketMessageId: note.body.TicketMessageId,
        Slevel: 'Internal',
        Important: true,
      }),
    ])

    // Anna wrote one of the notify=true messages herself: she hears only about the admin's note.
    await waitForOutbox(store)
    const inbox = await call(app, 'GET', '/api/v1/Notification', undefined, {
      auth: { username: 'anna', password: 'anna-password' },
    })
    expect(inbox.body.map((n: { Event: string }) => n.Event)).toEqual(['NewMessage'])

    const page = await call(app, 'GET', `/api/v1/Ticket/${ticketId}/Messages?$top=2`)
    expect(page.body.map((m: { Body: string }) => m.Body)).toEqual([
      'It is still burning.',
      'Unplug it.',
    ])
    expect(page.headers.get('link')).toMatch(/%24skip=2>; rel="next"/)
    const rest = await call(app, 'GET', `/api/v1/Ticket/${ticketId}/Messages?$top=2&$skip=2`)
    expect(rest.body.map((m: { Body: string }) => m.Body)).toEqual(['Fire brigade called.'])
    expect(rest.headers.get('link')).toBeNull()

    const one = await call(app, 'GET', `/api/v1/TicketMessage/${reply.TicketMessageId}`)
    expect(one.body).toMatchObject({
      Body: 'Unplug it.',
      HtmlBody: '<p>Unplug it.</p>',
      CreatedBy: { AssociateId: anna.id },
      Person: null,
      TimeSpent: 7,
    })
    const stored = await store.db
      .select()
      .from(tablesOf(store.db).ticketAttachments)
      .where(eq(tablesOf(store.db).ticketAttachments.ticketMessageId, reply.TicketMessageId))
    expect(Buffer.from(stored[0]?.content ?? '', 'base64')).toEqual(Buffer.from(png))
  })

  test('webhooks carry ticketmessage.created; an oversized attachment is 413 and saves nothing', async () => {
    const { app, store, ticketId } = await conversation()
    // A registration as the Webhook routes store one (they first call the target; not needed here).
    await store.db.insert(tablesOf(store.db).webhooks).values({
      name: 'messages',
      targetUrl: 'http://127.0.0.1:9/hook',
      secret: 'secret',
      state: 'Active',
      type: 'webhook',
      registered: '2026-01-16T14:00:00.000Z',
      registeredAssociateId: 1,
      events: ['ticketmessage.created'],
    })
    await store.changes.publish('webhooks')
    const saved = await call(app, 'POST', '/api/v1/TicketMessage', {
      TicketId: ticketId,
      Body: 'Hi',
    })
    expect(saved.status, saved.text).toBe(200)
    const deliveries = await store.db.select().from(tablesOf(store.db).webhookDeliveries)
    expect(deliveries.map((d) => d.event)).toEqual(['ticketmessage.created'])
    expect(JSON.parse(deliveries[0]?.body ?? '{}')).toMatchObject({
      Event: 'ticketmessage.created',
      Entity: 'ticketmessage',
      PrimaryKey: saved.body.TicketMessageId,
    })

    const big = new Uint8Array(10 * 1024 * 1024 + 1)
    const tooBig = await app.request('/api/v1/TicketMessage', {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('admin:admin-test-password').toString('base64')}`,
        accept: 'application/json',
      },
      body: multipart({ TicketId: ticketId, Body: 'with a huge file' }, [
        { name: 'huge.bin', type: 'application/octet-stream', bytes: big },
      ]),
    })
    expect(tooBig.status).toBe(413)
    expect(tooBig.headers.get('content-type')).toMatch(/problem\+json/)
    const ticket = await call(app, 'GET', `/api/v1/Ticket/${ticketId}`)
    expect(ticket.body.NumMessages).toBe(1)
  })

  test('bad messages are 4xx and change nothing', async () => {
    const { app, ticketId } = await conversation()
    const noTicket = await call(app, 'POST', '/api/v1/TicketMessage', { TicketId: 999, Body: 'x' })
    expect(noTicket.status).toBe(400)
    expect(noTicket.body.errors).toEqual([expect.objectContaining({ path: '/TicketId' })])
    const empty = await call(app, 'POST', '/api/v1/TicketMessage', { TicketId: ticketId })
    expect(empty.status).toBe(400)
    expect(empty.body.errors).toEqual([expect.objectContaining({ path: '/Body' })])
    const badPerson = await call(app, 'POST', '/api/v1/TicketMessage', {
      TicketId: ticketId,
      Body: 'x',
      Person: { PersonId: 4242 },
    })
    expect(badPerson.status).toBe(400)
    const missing = await call(app, 'GET', '/api/v1/TicketMessage/777')
    expect(missing.status).toBe(404)
    const list = await call(app, 'GET', '/api/v1/Ticket/777/Messages')
    expect(list.status).toBe(404)
    const ticket = await call(app, 'GET', `/api/v1/Ticket/${ticketId}`)
    expect(ticket.body).toMatchObject({ NumMessages: 0, Messages: [], ReadStatus: 'Red' })
    const history = await call(app, 'GET', `/api/v1/Ticket/${ticketId}/History`)
    expect(history.body).toHaveLength(1)
  })
})
