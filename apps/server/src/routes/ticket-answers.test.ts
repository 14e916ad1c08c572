import { brotliDecompressSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { testClock } from '../test/clock.ts'
import { allDay, escalationOf } from '../test/escalation.ts'
import { createTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { adminAuth, basicHeader, call } from '../test/requests.ts'
import { seeder } from '../test/seed.ts'

// GET /Ticket/{id} answers are kept and given again: these tests read a ticket (so its answer
// is kept), change it in every way the service knows, and read it again.

const agent = (method: string) => `/api/v1/Agents/Ticket/${method}`

type App = Awaited<ReturnType<typeof createTestApp>>['app']
const read = (
  app: App,
  id: number,
  headers: Record<string, string> = {},
  auth?: { username: string; password: string }
) => call(app, 'GET', `/api/v1/Ticket/${id}`, undefined, { headers, ...(auth ? { auth } : {}) })

async function newTicket(app: App, body: Record<string, unknown> = {}) {
  const created = await call(app, 'POST', '/api/v1/Ticket', { Title: 'kept', ...body })
  expect(created.status, created.text).toBe(200)
  return created.body.TicketId as number
}

describe('kept GET /Ticket/{id} answers on an SQLite file', () => {
  it('are never given after a PUT, PATCH, agent save, message, read status, status change or delete', async () => {
    const { app } = await createTestApp({ database: 'file' })
    const id = await newTicket(app)
    const first = await read(app, id)
    expect(first.body.Title).toBe('kept')
    expect((await read(app, id)).text).toBe(first.text)

    expect((await call(app, 'PUT', `/api/v1/Ticket/${id}`, { Title: 'put' })).status).toBe(200)
    expect((await read(app, id)).body.Title).toBe('put')

    const patched = await call(
      app,
      'PATCH',
      `/api/v1/Ticket/${id}`,
      { Title: 'patched' },
      {
        headers: { 'content-type': 'application/merge-patch+json' },
      }
    )
    expect(patched.status, patched.text).toBe(200)
    expect((await read(app, id)).body.Title).toBe('patched')

    const saved = await call(app, 'POST', agent('SaveTicketEntity'), {
      TicketId: id,
      Title: 'agent',
    })
    expect(saved.status, saved.text).toBe(200)
    expect((await read(app, id)).body.Title).toBe('agent')

    const message = await call(app, 'POST', '/api/v1/TicketMessage', { TicketId: id, Body: 'hi' })
    expect(message.status, message.text).toBe(200)
    const withMessage = (await read(app, id)).body
    expect(withMessage.NumMessages).toBe(1)
    expect(withMessage.Messages).toHaveLength(1)

    const unread = await call(app, 'POST', `/api/v1/Ticket/${id}/ReadByOwner?readStatus=Red`)
    expect(unread.status, unread.text).toBe(200)
    expect((await read(app, id)).body.ReadStatus).toBe('Red')

    const closed = await call(app, 'PUT', `/api/v1/Ticket/${id}`, { BaseStatus: 'Closed' })
    expect(closed.status, closed.text).toBe(200)
    expect((await read(app, id)).body).toMatchObject({
      BaseStatus: 'Closed',
      IconHint: 'ticket-closed',
    })

    expect((await call(app, 'DELETE', `/api/v1/Ticket/${id}`)).status).toBe(204)
    expect((await read(app, id)).status).toBe(404)
  })

  it("of the agent's GetTicketEntity are never given after a change, nor REST's for it", async () => {
    const { app } = await createTestApp({ database: 'file' })
    const id = await newTicket(app)
    const agentRead = () =>
      call(app, 'POST', `${agent('GetTicketEntity')}?ticketEntityId=${id}`, 'null')
    const rest = await read(app, id)
    const first = await agentRead()
    expect(first.body.Title).toBe('kept')
    expect(first.body._Links).toBeUndefined()
    expect((await agentRead()).text).toBe(first.text)
    expect((await read(app, id)).text).toBe(rest.text)
    const xml = await call(
      app,
      'POST',
      `${agent('GetTicketEntity')}?ticketEntityId=${id}`,
      'null',
      {
        headers: { accept: 'application/xml' },
      }
    )
    expect(xml.text).toContain('<TicketEntity')
    expect(xml.text).not.toContain('_Links')
    await call(app, 'POST', agent('SaveTicketEntity'), { TicketId: id, Title: 'saved' })
    expect((await agentRead()).body.Title).toBe('saved')
    expect((await call(app, 'DELETE', `/api/v1/Ticket/${id}`)).status).toBe(204)
    const gone = await agentRead()
    expect(gone.status).toBe(200)
    expect(gone.body).toBeNull()
  })

  it('are never given after a merge', async () => {
    const { app } = await createTestApp({ database: 'file' })
    const primary = await newTicket(app, { Title: 'primary' })
    const secondary = await newTicket(app, { Title: 'secondary' })
    await call(app, 'POST', '/api/v1/TicketMessage', { TicketId: secondary, Body: 'moves' })
    expect((await read(app, primary)).body.NumMessages).toBe(0)
    expect((await read(app, secondary)).body.BaseStatus).toBe('Active')
    const merged = await call(app, 'POST', `/api/v1/Ticket/Merge?secondaryTicketIds=${secondary}`, {
      TicketId: primary,
    })
    expect(merged.status, merged.text).toBe(200)
    expect((await read(app, primary)).body.NumMessages).toBe(1)
    expect((await read(app, secondary)).body).toMatchObject({
      BaseStatus: 'Merged',
      ConnectId: primary,
    })
  })

  it('are never given after an escalation step', async () => {
    const clock = testClock('2026-03-02T09:00:00.000Z')
    const { app, deps } = await createTestApp({ database: 'file', now: clock.now })
    const seed = seeder(deps.store.db, tablesOf(deps.store.db))
    const priority = await seed.priority({
      ...allDay,
      timeZone: 'UTC',
      escalationLevels: [{ Level: 1, Minutes: 60, ReassignTo: 0 }],
    })
    const id = await newTicket(app, { Priority: { TicketPriorityId: priority } })
    expect((await read(app, id)).body.AlertLevel).toBe(0)
    clock.set('2026-03-02T10:05:00.000Z')
    expect(await escalationOf(deps).runOnce()).toBe(1)
    expect((await read(app, id)).body).toMatchObject({
      AlertLevel: 1,
      IconHint: 'ticket-escalated',
    })
  })

  it('are never given after the reference data changed (a tenant import announces it)', async () => {
    const { app, deps } = await createTestApp({ database: 'file' })
    const t = tablesOf(deps.store.db)
    const category = await seeder(deps.store.db, t).category({ name: 'Before' })
    const id = await newTicket(app, { Category: { TicketCategoryId: category } })
    expect((await read(app, id)).body.Category.Name).toBe('Before')
    await deps.store.db.update(t.ticketCategories).set({ name: 'After' })
    // What the change feed does when a tenant import (in any process) commits.
    await deps.store.changes.publish('reference')
    expect((await read(app, id)).body.Category.Name).toBe('After')
  })

  it('are kept apart by rights, format, language, time zone, $select and host', async () => {
    const { app, deps } = await createTestApp({ database: 'file' })
    await seeder(deps.store.db, tablesOf(deps.store.db)).user('ola', 'ola-password', false)
    const ola = { username: 'ola', password: 'ola-password' }
    const id = await newTicket(app, {
      Title: 'NO:"Hei";US:"Hello"',
      Deadline: '2031-02-03T04:05:06.000Z',
    })
    const plain = await read(app, id)
    expect(plain.body.TableRight.Mask).toBe('FULL')
    expect(plain.body.Title).toBe('NO:"Hei";US:"Hello"')
    expect(plain.body.Deadline).toBe('2031-02-03T04:05:06.000Z')
    expect(plain.body._Links.Self).toBe(`http://localhost/api/v1/Ticket/${id}`)

    // Each twice: the second answer is the kept one, and must still be this representation's.
    for (let i = 0; i < 2; i++) {
      expect((await read(app, id, {}, ola)).body.TableRight.Mask).toBe('URI')
      expect((await read(app, id)).body.TableRight.Mask).toBe('FULL')
      const xml = await read(app, id, { accept: 'application/xml' })
      expect(xml.headers.get('content-type')).toBe('application/xml; charset=utf-8')
      expect(xml.text).toContain('<TicketEntity')
      expect((await read(app, id, { 'accept-language': 'nb-NO' })).body.Title).toBe('Hei')
      expect((await read(app, id, { 'accept-language': 'en-US' })).body.Title).toBe('Hello')
      const oslo = await read(app, id, { 'so-timezone': 'Europe/Oslo, includeTZOffset' })
      expect(oslo.body.Deadline).toBe('2031-02-03T05:05:06.000+01:00')
      const osloPlain = await read(app, id, { 'so-timezone': 'Europe/Oslo' })
      expect(osloPlain.body.Deadline).toBe('2031-02-03T05:05:06.000')
      expect((await read(app, id)).body.Deadline).toBe('2031-02-03T04:05:06.000Z')
      const onlyId = await call(app, 'GET', `/api/v1/Ticket/${id}?$select=TicketId`)
      expect(onlyId.body.Title).toBeNull()
      expect((await read(app, id)).body.Title).toBe(plain.body.Title)
      const elsewhere = await call(app, 'GET', `http://tickets.example/api/v1/Ticket/${id}`)
      expect(elsewhere.body._Links.Self).toBe(`http://tickets.example/api/v1/Ticket/${id}`)
      expect((await read(app, id)).body._Links.Self).toBe(plain.body._Links.Self)
    }
    const tags = new Set(
      await Promise.all([
        read(app, id).then((r) => r.headers.get('etag')),
        read(app, id, { accept: 'application/xml' }).then((r) => r.headers.get('etag')),
        read(app, id, { 'accept-language': 'nb-NO' }).then((r) => r.headers.get('etag')),
        read(app, id, {}, ola).then((r) => r.headers.get('etag')),
      ])
    )
    expect(tags.size).toBe(4)
  })

  it('are compressed once, and a compressed answer never outlives its revision', async () => {
    const { app } = await createTestApp({ database: 'file' })
    const id = await newTicket(app)
    const br = { 'accept-encoding': 'gzip, br' }
    const fetchBr = async () => {
      const res = await app.request(`/api/v1/Ticket/${id}`, {
        headers: { ...br, authorization: basicHeader(adminAuth) },
      })
      return { res, bytes: Buffer.from(await res.arrayBuffer()) }
    }
    const first = await fetchBr()
    const second = await fetchBr()
    expect(second.res.headers.get('content-encoding')).toBe('br')
    expect(second.res.headers.get('vary')).toMatch(/Accept-Encoding/)
    expect(second.bytes.equals(first.bytes)).toBe(true)
    expect(brotliDecompressSync(second.bytes).toString('utf8')).toBe((await read(app, id)).text)
    const weak = second.res.headers.get('etag') ?? ''
    expect(weak).toMatch(/^W\/"\d+-[\w-]+"$/)
    expect((await read(app, id, { ...br, 'if-none-match': weak })).status).toBe(304)
    await call(app, 'PUT', `/api/v1/Ticket/${id}`, { Title: 'recompressed' })
    const changed = await fetchBr()
    expect(JSON.parse(brotliDecompressSync(changed.bytes).toString('utf8')).Title).toBe(
      'recompressed'
    )
  })

  it('answer If-None-Match with 304 while current, and the new version after a change', async () => {
    const { app } = await createTestApp({ database: 'file' })
    const id = await newTicket(app)
    const first = await read(app, id)
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^"\d+-[\w-]+"$/)
    expect((await read(app, id)).headers.get('etag')).toBe(etag)
    const unchanged = await read(app, id, { 'if-none-match': etag })
    expect(unchanged.status).toBe(304)
    expect(unchanged.headers.get('etag')).toBe(etag)
    expect(unchanged.headers.get('last-modified')).toBe(first.headers.get('last-modified'))
    await call(app, 'PUT', `/api/v1/Ticket/${id}`, { Title: 'changed' })
    const changed = await read(app, id, { 'if-none-match': etag })
    expect(changed.status).toBe(200)
    expect(changed.body.Title).toBe('changed')
    expect(changed.headers.get('etag')).not.toBe(etag)
  })
})

describe('kept GET /Ticket/{id} answers on PostgreSQL with two processes', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(() => database.drop())

  it('never give a ticket another process has changed or deleted', async () => {
    const one = await createTestApp({ database: database.url })
    const two = await createTestApp({ database: database.url })
    const id = await newTicket(one.app, { Title: 'from one' })
    expect((await read(one.app, id)).body.Title).toBe('from one')
    expect((await read(two.app, id)).body.Title).toBe('from one')

    expect((await call(two.app, 'PUT', `/api/v1/Ticket/${id}`, { Title: 'by two' })).status).toBe(
      200
    )
    expect((await read(one.app, id)).body.Title).toBe('by two')

    const message = await call(two.app, 'POST', '/api/v1/TicketMessage', {
      TicketId: id,
      Body: 'from two',
    })
    expect(message.status, message.text).toBe(200)
    expect((await read(one.app, id)).body.NumMessages).toBe(1)

    expect((await call(two.app, 'DELETE', `/api/v1/Ticket/${id}`)).status).toBe(204)
    expect((await read(one.app, id)).status).toBe(404)
  })
})
