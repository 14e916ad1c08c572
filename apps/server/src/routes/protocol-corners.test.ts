import { request as httpRequest } from 'node:http'
import { and, count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { BREACH_HEADER } from '../test/contract/validated-app.ts'
import { demoRefs } from '../test/demo-refs.ts'
import { createTestApp } from '../test/harness.ts'
import { listen } from '../test/listen.ts'
import { adminAuth, basicHeader, call } from '../test/requests.ts'

async function demoApp(env: Record<string, string> = {}) {
  const test = await createTestApp({ env: { TICKET_DEMO_DATA: '1', ...env } })
  return { ...test, refs: await demoRefs(test.deps.store) }
}

describe('protocol corners', () => {
  it('answers 304 to If-None-Match naming the current ETag, 200 once the ticket changed', async () => {
    const { app } = await demoApp()
    const id = (await call(app, 'POST', '/api/v1/Ticket', { Title: 'cached' })).body.TicketId
    const first = await call(app, 'GET', `/api/v1/Ticket/${id}`)
    const etag = first.headers.get('etag') as string
    expect(etag).toMatch(/^"/)
    const again = await call(app, 'GET', `/api/v1/Ticket/${id}`, undefined, {
      headers: { 'if-none-match': `"other", W/${etag}` },
    })
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    await call(app, 'PUT', `/api/v1/Ticket/${id}`, { Title: 'changed' })
    const changed = await call(app, 'GET', `/api/v1/Ticket/${id}`, undefined, {
      headers: { 'if-none-match': etag },
    })
    expect(changed.status).toBe(200)
    expect(changed.body.Title).toBe('changed')
  })

  it('JSON Patch remove of a date makes it null', async () => {
    const { app } = await demoApp()
    const id = (
      await call(app, 'POST', '/api/v1/Ticket', { Title: 'd', Deadline: '2031-01-01T00:00:00Z' })
    ).body.TicketId
    const patched = await call(
      app,
      'PATCH',
      `/api/v1/Ticket/${id}`,
      JSON.stringify([{ op: 'remove', path: '/Deadline' }]),
      { headers: { 'content-type': 'application/json-patch+json' } }
    )
    expect(patched.status, patched.text).toBe(200)
    expect(patched.body.Deadline).toBeNull()
    expect((await call(app, 'GET', `/api/v1/Ticket/${id}`)).body.Deadline).toBeNull()
  })

  it('keeps Activate sent on an active ticket', async () => {
    const { app } = await demoApp()
    const saved = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'a',
      Activate: '2031-02-01T00:00:00Z',
    })
    expect(saved.body.BaseStatus).toBe('Active')
    expect(saved.body.Activate).toBe('2031-02-01T00:00:00.000Z')
  })

  it('names the XML root of a read after the entity', async () => {
    const { app } = await demoApp()
    const id = (await call(app, 'POST', '/api/v1/Ticket', { Title: 'x' })).body.TicketId
    const xml = await call(app, 'GET', `/api/v1/Ticket/${id}`, undefined, {
      headers: { accept: 'application/xml' },
    })
    expect(xml.text).toMatch(/^<\?xml[^>]*\?><TicketEntity /)
  })

  it('answers prototype names as agent methods with a 404 problem', async () => {
    const { app } = await demoApp()
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const res = await call(
        app,
        'POST',
        `/api/v1/Agents/Ticket/${name}`,
        {},
        { breaksDocument: 'rejected' }
      )
      expect(res.status, name).toBe(404)
      expect(res.headers.get('content-type')).toMatch(/problem\+json/)
    }
  })

  it('agent SaveTicketEntityWithNotify notifies the owner', async () => {
    const { app, deps, refs } = await demoApp()
    const owner = refs.associates.find((a) => a.userName !== 'admin')?.associateId as number
    const saved = await call(app, 'POST', '/api/v1/Agents/Ticket/SaveTicketEntityWithNotify', {
      NewEntity: { Title: 'agent notify', OwnedBy: { AssociateId: owner } },
      Notify: true,
    })
    expect(saved.status, saved.text).toBe(200)
    const { notificationOutbox: o } = tablesOf(deps.store.db)
    const [row] = await deps.store.db
      .select({ n: count() })
      .from(o)
      .where(and(eq(o.ticketId, saved.body.TicketId), eq(o.recipientAssociateId, owner)))
    expect(row?.n).toBeGreaterThan(0)
  })

  it('a 413 closes the connection, and the next request on a new one is served', async () => {
    const { app } = await demoApp({ TICKET_MAX_BODY: '1000' })
    const { baseUrl } = await listen(app)
    const url = new URL(`${baseUrl}/api/v1/Ticket`)
    const big = JSON.stringify({ Title: 'x'.repeat(50_000) })
    const answer = await new Promise<{ status?: number; connection?: string }>(
      (resolve, reject) => {
        const req = httpRequest(
          url,
          {
            method: 'POST',
            headers: {
              authorization: basicHeader(adminAuth),
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(big),
              [BREACH_HEADER]: 'rejected',
            },
          },
          (res) => {
            res.resume()
            resolve({ status: res.statusCode, connection: res.headers.connection })
          }
        )
        req.on('error', reject)
        req.end(big)
      }
    )
    expect(answer).toEqual({ status: 413, connection: 'close' })
    const next = await fetch(`${baseUrl}/api/v1/Ticket`, {
      method: 'POST',
      headers: { authorization: basicHeader(adminAuth), 'content-type': 'application/json' },
      body: JSON.stringify({ Title: 'small' }),
    })
    expect(next.status).toBe(200)
  })

  it('POST notify=true over a real socket queues the owner notification', async () => {
    const { app, deps, refs } = await demoApp()
    const { baseUrl } = await listen(app)
    const owner = refs.associates.find((a) => a.userName !== 'admin')?.associateId as number
    const res = await fetch(`${baseUrl}/api/v1/Ticket?notify=true`, {
      method: 'POST',
      headers: { authorization: basicHeader(adminAuth), 'content-type': 'application/json' },
      body: JSON.stringify({ Title: 'socket', OwnedBy: { AssociateId: owner } }),
    })
    expect(res.status).toBe(200)
    const id = ((await res.json()) as { TicketId: number }).TicketId
    const { notificationOutbox: o } = tablesOf(deps.store.db)
    const rows = await deps.store.db.select().from(o).where(eq(o.ticketId, id))
    expect(rows.map((r) => [r.recipientAssociateId, r.event])).toContainEqual([owner, 'NewTicket'])
  })
})
