import { beforeAll, describe, expect, it } from 'vitest'
import { compileResponseValidators } from '../test/contract/warm-up.ts'
import { call } from '../test/requests.ts'
import { type DatabaseKind, temporaryDatabase } from '../test/temp-database.ts'
import { deliveriesWhen, registerHook, signatureValid } from '../test/webhooks/hooks.ts'
import { startReceiver } from '../test/webhooks/receiver.ts'
import { adminLogin, createWebhookTestApp } from '../test/webhooks/webhook-test-app.ts'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe.each<DatabaseKind>([':memory:', 'pg'])(
  'webhook delivery on %s',
  { timeout: 30_000 },
  (kind) => {
    // Deliveries time out quickly: the document's validators must not be compiled meanwhile.
    beforeAll(() => compileResponseValidators(), 60_000)

    it('a receiver failing twice gets the event on the 3rd try: same EventId, body, valid signature', async () => {
      // random() = 1: each wait is its full backoff ceiling, so the exponential growth is visible.
      const { app } = await createWebhookTestApp({
        database: await temporaryDatabase(kind),
        webhooks: { retry: { baseMs: 40, capMs: 1_000, maxTries: 5 }, pollMs: 10, random: () => 1 },
      })
      const answers = [200, 500, 503, 200]
      const receiver = await startReceiver((n) => answers[n] ?? 200)
      const hook = await registerHook(app, receiver.url, { Name: 'crm', Secret: 'k3y' })

      const saved = await call(
        app,
        'POST',
        '/api/v1/Ticket',
        { Title: 'Printer on fire' },
        {
          auth: adminLogin,
        }
      )
      expect(saved.status, saved.text).toBe(200)
      const ticket = saved.body
      const tries = (await receiver.received(4)).slice(1)

      const eventId = tries[0]?.headers['x-superoffice-eventid']
      expect(eventId).toMatch(uuid)
      expect(tries.map((r) => r.headers['x-superoffice-eventid'])).toEqual([
        eventId,
        eventId,
        eventId,
      ])
      expect(tries.map((r) => r.headers['x-superoffice-retry'])).toEqual(['1', '2', '3'])
      expect(tries.map((r) => r.headers['x-superoffice-event'])).toEqual(
        Array(3).fill('ticket.created')
      )
      expect(tries.map((r) => signatureValid(r, 'k3y'))).toEqual([true, true, true])
      expect(tries.map((r) => signatureValid(r, 'other'))).toEqual([false, false, false])
      expect(new Set(tries.map((r) => r.body)).size).toBe(1)
      const [first, second, third] = tries.map((r) => r.at) as [number, number, number]
      expect(second - first).toBeGreaterThanOrEqual(40)
      expect(third - second).toBeGreaterThanOrEqual(80)

      const payload = JSON.parse(tries[0]?.body ?? '')
      expect(Object.keys(payload)).toEqual([
        'EventId',
        'Timestamp',
        'Changes',
        'Event',
        'PrimaryKey',
        'Entity',
        'ContextIdentifier',
        'ChangedByAssociateId',
        'WebhookName',
        'FieldValues',
      ])
      expect(payload).toMatchObject({
        EventId: eventId,
        Timestamp: ticket.CreatedAt,
        Event: 'ticket.created',
        PrimaryKey: ticket.TicketId,
        Entity: 'ticket',
        ContextIdentifier: 'http://127.0.0.1:8787',
        ChangedByAssociateId: ticket.CreatedBy.AssociateId,
        WebhookName: 'crm',
      })
      expect(payload.Changes).toContain('title')
      expect(payload.FieldValues).toMatchObject({
        ticket_id: ticket.TicketId,
        title: 'Printer on fire',
        owned_by_id: null,
        base_status: ticket.BaseStatus,
      })

      const log = await deliveriesWhen(app, hook.WebhookId, (l) => l[0]?.Status === 'delivered')
      expect(log[0]).toMatchObject({
        EventId: eventId,
        Event: 'ticket.created',
        Status: 'delivered',
        Tries: 3,
        LastStatusCode: 200,
        LastError: null,
        NextAttemptAt: null,
      })
      expect(Date.parse(String(log[0]?.DeliveredAt))).toBeGreaterThanOrEqual(third - 5)
    })

    it('every committed change fires, whatever notify says; only to active hooks subscribed to it', async () => {
      const { app } = await createWebhookTestApp({ database: await temporaryDatabase(kind) })
      const all = await startReceiver(() => 200)
      const deletes = await startReceiver(() => 200)
      const stopped = await startReceiver(() => 200)
      const hookAll = await registerHook(app, all.url)
      await registerHook(app, deletes.url, { Events: ['ticket.deleted'] })
      await registerHook(app, stopped.url, { State: 'Stopped' })

      const quiet = await call(
        app,
        'POST',
        '/api/v1/Ticket?notify=false',
        { Title: 'quiet' },
        {
          auth: adminLogin,
        }
      )
      const loud = await call(
        app,
        'POST',
        '/api/v1/Ticket?notify=true',
        { Title: 'loud' },
        {
          auth: adminLogin,
        }
      )
      const id = quiet.body.TicketId
      const renamed = await call(
        app,
        'PATCH',
        `/api/v1/Ticket/${id}`,
        { Title: 'renamed' },
        {
          auth: adminLogin,
          headers: { 'content-type': 'application/merge-patch+json' },
        }
      )
      expect(renamed.status, renamed.text).toBe(200)
      // NotifyNewTicket changes nothing: no webhook event.
      const notified = await call(app, 'POST', `/api/v1/Ticket/${id}/NotifyNewTicket`, undefined, {
        auth: adminLogin,
      })
      expect(notified.status).toBe(204)
      const refused = await call(
        app,
        'POST',
        '/api/v1/Ticket',
        { Title: 'x'.repeat(300) },
        { auth: adminLogin, breaksDocument: 'rejected' }
      )
      expect(refused.status).toBe(400)
      const deleted = await call(app, 'DELETE', `/api/v1/Ticket/${loud.body.TicketId}`, undefined, {
        auth: adminLogin,
      })
      expect(deleted.status).toBe(204)

      const events = (await all.received(5)).slice(1).map((r) => JSON.parse(r.body))
      expect(events.map((e) => [e.Event, e.PrimaryKey])).toEqual([
        ['ticket.created', id],
        ['ticket.created', loud.body.TicketId],
        ['ticket.changed', id],
        ['ticket.deleted', loud.body.TicketId],
      ])
      expect(events[2].Changes).toContain('title')
      expect(events[2].Changes).not.toContain('category_id')
      expect(events[2].FieldValues.title).toBe('renamed')
      expect(new Set(events.map((e) => e.EventId)).size).toBe(4)

      const onlyDeleted = (await deletes.received(2)).slice(1).map((r) => JSON.parse(r.body))
      expect(onlyDeleted.map((e) => e.Event)).toEqual(['ticket.deleted'])
      await deliveriesWhen(app, hookAll.WebhookId, (l) => l.every((d) => d.Status === 'delivered'))
      expect(all.requests).toHaveLength(5)
      expect(deletes.requests).toHaveLength(2)
      expect(stopped.requests.map((r) => r.headers['x-superoffice-event'])).toEqual(['test'])
    })
  }
)
