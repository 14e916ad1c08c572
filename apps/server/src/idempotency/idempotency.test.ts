import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { App } from '../app.ts'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { call } from '../test/requests.ts'
import { type DatabaseKind, temporaryDatabase } from '../test/temp-database.ts'
import { registerHook } from '../test/webhooks/hooks.ts'
import { startReceiver } from '../test/webhooks/receiver.ts'
import { adminLogin, agentLogin, createWebhookTestApp } from '../test/webhooks/webhook-test-app.ts'

async function counts(store: Store) {
  const { tickets, notificationOutbox, webhookDeliveries } = tablesOf(store.db)
  const one = async (
    table: typeof tickets | typeof notificationOutbox | typeof webhookDeliveries
  ) => (await store.db.select({ n: count() }).from(table))[0]?.n
  return {
    tickets: await one(tickets),
    notifications: await one(notificationOutbox),
    webhooks: await one(webhookDeliveries),
  }
}

describe.each<DatabaseKind>([':memory:', 'pg'])('Idempotency-Key on %s', (kind) => {
  async function setup() {
    const { app, store } = await createWebhookTestApp({
      database: await temporaryDatabase(kind),
      webhooks: { pollMs: 60_000 },
    })
    const receiver = await startReceiver(() => 200)
    await registerHook(app, receiver.url)
    const [agent] = await store.db
      .select()
      .from(tablesOf(store.db).associates)
      .where(eq(tablesOf(store.db).associates.userName, agentLogin.username))
    const body = { Title: 'Printer on fire', OwnedBy: { AssociateId: agent?.associateId } }
    return { app, store, body }
  }

  const save = (
    app: App,
    key: string | undefined,
    body: unknown,
    path = '/api/v1/Ticket?notify=true'
  ) =>
    call(app, 'POST', path, body, {
      auth: adminLogin,
      headers: key === undefined ? {} : { 'idempotency-key': key },
      // A key that is not 1 to 255 visible characters breaks the document on purpose.
      breaksDocument: key !== undefined && !/^[!-~]{1,255}$/.test(key) ? 'rejected' : undefined,
    })

  it('a retry with the same key and body gets the first answer: one ticket, one notification, one webhook', async () => {
    const { app, store, body } = await setup()
    const first = await save(app, 'key-1', body)
    expect(first.status, first.text).toBe(200)
    const after = await counts(store)
    expect(after.tickets).toBe(1)
    expect(after.notifications).toBeGreaterThan(0)
    expect(after.webhooks).toBeGreaterThan(0)

    const again = await save(app, 'key-1', body)
    expect(again.status).toBe(200)
    expect(again.body.TicketId).toBe(first.body.TicketId)
    expect(again.text).toBe(first.text)
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'))
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(await counts(store)).toEqual(after)

    // Without a key the same body is a new save: the key is what makes a retry safe.
    expect((await save(app, undefined, body)).body.TicketId).not.toBe(first.body.TicketId)
  })

  it('the same key with a different body is 422 and changes nothing', async () => {
    const { app, store, body } = await setup()
    await save(app, 'key-2', body)
    const before = await counts(store)
    const other = await save(app, 'key-2', { ...body, Title: 'Another printer' })
    expect(other.status).toBe(422)
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(other.body.code).toBe('UNPROCESSABLE')
    // Another route with the same key is a different request too.
    expect((await save(app, 'key-2', body, '/api/v1/Ticket?notify=false')).status).toBe(422)
    expect(await counts(store)).toEqual(before)
  })

  it('concurrent duplicates wait for the first and all get its answer', async () => {
    const { app, store, body } = await setup()
    const start = await counts(store)
    const answers = await Promise.all(Array.from({ length: 6 }, () => save(app, 'key-3', body)))
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200))
    expect(new Set(answers.map((a) => a.body.TicketId)).size).toBe(1)
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(5)
    const afterDuplicates = await counts(store)
    expect(afterDuplicates.tickets).toBe(1)
    // One more save with its own key adds exactly what one save adds: the six added one save.
    await save(app, 'key-3b', body)
    const afterOne = await counts(store)
    const added = (to: typeof start, from: typeof start) => ({
      tickets: (to.tickets ?? 0) - (from.tickets ?? 0),
      notifications: (to.notifications ?? 0) - (from.notifications ?? 0),
      webhooks: (to.webhooks ?? 0) - (from.webhooks ?? 0),
    })
    expect(added(afterDuplicates, start)).toEqual(added(afterOne, afterDuplicates))
  })

  it('a key expires after 24 hours: then it names a new request', async () => {
    const { app, store, body } = await setup()
    const first = await save(app, 'key-4', body)
    const [row] = await store.db.select().from(tablesOf(store.db).idempotencyKeys)
    expect(Date.parse(row?.expiresAt ?? '') - Date.parse(row?.createdAt ?? '')).toBe(
      24 * 60 * 60 * 1000
    )
    await store.db
      .update(tablesOf(store.db).idempotencyKeys)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
    const later = await save(app, 'key-4', { ...body, Title: 'A day later' })
    expect(later.status, later.text).toBe(200)
    expect(later.body.TicketId).not.toBe(first.body.TicketId)
  })

  it('holds on every state-changing route: a repeated DELETE answers 204 again, not 404', async () => {
    const { app, body } = await setup()
    const id = (await save(app, undefined, body)).body.TicketId
    const del = () =>
      call(app, 'DELETE', `/api/v1/Ticket/${id}`, undefined, {
        auth: adminLogin,
        headers: { 'idempotency-key': 'del-1' },
      })
    expect((await del()).status).toBe(204)
    const again = await del()
    expect(again.status).toBe(204)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
  })

  it('refuses a key that is not 1 to 255 visible ASCII characters', async () => {
    const { app, store, body } = await setup()
    for (const key of ['x'.repeat(256), 'has space']) {
      const res = await save(app, key, body)
      expect(res.status).toBe(400)
    }
    expect((await counts(store)).tickets).toBe(0)
  })
})
