import { eq } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import { call } from '../test/requests.ts'
import { sqlitePreparesDuring } from '../test/sqlite-prepares.ts'
import { registerHook } from '../test/webhooks/hooks.ts'
import { startReceiver } from '../test/webhooks/receiver.ts'
import { adminLogin, agentLogin, createWebhookTestApp } from '../test/webhooks/webhook-test-app.ts'
import { tablesOf } from './tables-of.ts'

describe('a request prepares its statements once, on its first run', () => {
  it('builds no query text on a repeat: saves, notifications, webhooks, messages, reads, MDO lists', async () => {
    const { app, store } = await createWebhookTestApp({ database: 'file' })
    if (store.dialect !== 'sqlite') {
      throw new Error('an SQLite file was asked for')
    }
    const receiver = await startReceiver(() => 200)
    await registerHook(app, receiver.url, {
      Events: ['ticket.created', 'ticket.changed', 'ticketmessage.created'],
    })
    const associates = tablesOf(store.db).associates
    const [agent] = await store.db
      .select({ id: associates.associateId })
      .from(associates)
      .where(eq(associates.userName, agentLogin.username))
    const as = { auth: adminLogin }
    // The agent owns the tickets: a save with notify tells the agent (in-app), not the actor.
    const body = { Title: 'once', OwnedBy: { AssociateId: agent?.id }, Tags: [{ Name: 'printer' }] }
    const created = await call(app, 'POST', '/api/v1/Ticket', body, as)
    expect(created.status, created.text).toBe(200)
    const id = created.body.TicketId as number
    let puts = 0
    const requests: Record<string, () => ReturnType<typeof call>> = {
      create: () => call(app, 'POST', '/api/v1/Ticket', body, as),
      'create notify=true': () => call(app, 'POST', '/api/v1/Ticket?notify=true', body, as),
      // A new title each time: a PUT that changes nothing tells no webhook.
      'update by id': () =>
        call(app, 'PUT', `/api/v1/Ticket/${id}`, { ...body, Title: `put ${puts++}` }, as),
      'GET by id': () => call(app, 'GET', `/api/v1/Ticket/${id}`, undefined, as),
      'agent SaveTicketEntity': () =>
        call(app, 'POST', '/api/v1/Agents/Ticket/SaveTicketEntity', body, as),
      'create a message': () =>
        call(app, 'POST', '/api/v1/TicketMessage', { TicketId: id, Body: 'hello' }, as),
      'MDOList associate': () => call(app, 'GET', '/api/v1/MDOList/associate', undefined, as),
    }
    // The dispatchers deliver after the request: a repeat counts until they are done. Their
    // progress is read with statements prepared here, before any counting starts.
    const writer = store.native.db.$client
    const pending = [
      writer.prepare("select count(*) from notification_outbox where status = 'pending'"),
      writer.prepare("select count(*) from webhook_deliveries where status = 'pending'"),
    ].map((statement) => statement.pluck())
    const settled = () =>
      vi.waitFor(
        () => {
          for (const statement of pending) {
            expect(statement.get()).toBe(0)
          }
        },
        { timeout: 10_000, interval: 10 }
      )
    const prepared: Record<string, string[]> = {}
    for (const [name, request] of Object.entries(requests)) {
      for (let warm = 0; warm < 2; warm++) {
        const res = await request()
        expect(res.status, `${name}: ${res.text}`).toBe(200)
        await settled()
      }
      const sent = receiver.requests.length
      prepared[name] = await sqlitePreparesDuring(store, async () => {
        const res = await request()
        expect(res.status, `${name}: ${res.text}`).toBe(200)
        await settled()
      })
      if (name !== 'GET by id' && name !== 'MDOList associate') {
        // The repeat was a change, so the webhook heard of it: the dispatcher's work was counted.
        await vi.waitFor(() => expect(receiver.requests.length, name).toBeGreaterThan(sent))
      }
    }
    expect(prepared).toEqual(Object.fromEntries(Object.keys(requests).map((name) => [name, []])))
  })
})
