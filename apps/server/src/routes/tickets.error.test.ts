import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { demoRefs } from '../test/demo-refs.ts'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'

async function demoApp(env: Record<string, string> = {}) {
  const test = await createTestApp({ env: { TICKET_DEMO_DATA: '1', ...env } })
  const { db } = test.deps.store
  const tables = tablesOf(db)
  const counts = async () => ({
    tickets: (await db.select({ n: count() }).from(tables.tickets))[0]?.n,
    tags: (await db.select({ n: count() }).from(tables.tags))[0]?.n,
  })
  return { ...test, refs: await demoRefs(test.deps.store), counts }
}

describe('bad input changes nothing', () => {
  it('lists every unknown reference with its JSON pointer, and creates no ticket and no tag', async () => {
    const { app, counts } = await demoApp()
    const before = await counts()
    const res = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'broken',
      Category: { TicketCategoryId: 98765 },
      Person: { PersonId: 98765 },
      OwnedBy: { AssociateId: 98765 },
      SecondaryPersons: [{ PersonId: 98765 }],
      Tags: [{ Name: 'brand-new-tag' }, { Id: 98765 }],
    })
    expect(res.status, res.text).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/Category/TicketCategoryId',
      '/OwnedBy/AssociateId',
      '/Person/PersonId',
      '/SecondaryPersons/0/PersonId',
      '/Tags/1',
    ])
    expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION' })
    expect(await counts()).toEqual(before)
  })

  it('lists every schema violation at once', async () => {
    const { app, counts } = await demoApp()
    const before = await counts()
    const res = await call(
      app,
      'POST',
      '/api/v1/Ticket',
      {
        Title: 'x'.repeat(256),
        Slevel: 'Secret',
        Deadline: 'yesterday',
        ConnectId: 'seven',
        Author: 'nul\u0000byte',
      },
      { breaksDocument: 'rejected' }
    )
    expect(res.status).toBe(400)
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort()
    expect(paths).toEqual(['/Author', '/ConnectId', '/Deadline', '/Slevel', '/Title'])
    expect(await counts()).toEqual(before)
  })

  it('ignores unknown and read-only properties instead of failing', async () => {
    const { app } = await demoApp()
    const res = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'lenient',
      NoSuchField: 1,
      NumReplies: 77,
      TableRight: { Mask: 'None' },
      CreatedAt: '1999-01-01T00:00:00Z',
    })
    expect(res.status, res.text).toBe(200)
    expect(res.body.NumReplies).toBe(0)
    expect(res.body.CreatedAt).not.toBe('1999-01-01T00:00:00Z')
  })

  it('answers malformed JSON, wrong media types and oversized bodies with 4xx problems', async () => {
    const { app } = await demoApp({ TICKET_MAX_BODY: '2048' })
    const malformed = await call(app, 'POST', '/api/v1/Ticket', '{"Title": ', {
      breaksDocument: 'rejected',
    })
    expect(malformed.status).toBe(400)
    const media = await call(app, 'POST', '/api/v1/Ticket', 'Title=x', {
      headers: { 'content-type': 'application/pdf' },
      breaksDocument: 'rejected',
    })
    expect(media.status).toBe(415)
    const big = await call(
      app,
      'POST',
      '/api/v1/Ticket',
      { Title: 'x', Author: 'y'.repeat(4096) },
      { breaksDocument: 'rejected' }
    )
    expect(big.status).toBe(413)
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE')
    const accept = await call(app, 'GET', '/api/v1/Ticket/default', undefined, {
      headers: { accept: 'image/png' },
    })
    expect(accept.status).toBe(406)
    const notAnObject = await call(app, 'POST', '/api/v1/Ticket', [1, 2], {
      breaksDocument: 'rejected',
    })
    expect(notAnObject.status).toBe(400)
    const badId = await call(app, 'GET', '/api/v1/Ticket/abc', undefined, {
      breaksDocument: 'rejected',
    })
    expect(badId.status).toBe(400)
    const badNotify = await call(
      app,
      'POST',
      '/api/v1/Ticket?notify=maybe',
      { Title: 'x' },
      { breaksDocument: 'rejected' }
    )
    expect(badNotify.status).toBe(400)
  })

  it('refuses missing or wrong credentials with 401 and WWW-Authenticate', async () => {
    const { app } = await demoApp()
    const missing = await call(app, 'GET', '/api/v1/Ticket/default', undefined, { auth: null })
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toMatch(/^Basic realm="/)
    expect(missing.body.code).toBe('UNAUTHORIZED')
    const wrong = await call(app, 'GET', '/api/v1/Ticket/default', undefined, {
      auth: { username: 'admin', password: 'nope' },
    })
    expect(wrong.status).toBe(401)
  })
})

describe('optimistic concurrency', () => {
  it('answers 412 when If-Match names an old revision, and saves nothing', async () => {
    const { app } = await demoApp()
    const created = await call(app, 'POST', '/api/v1/Ticket', { Title: 'v1' })
    const id = created.body.TicketId
    await call(app, 'PUT', `/api/v1/Ticket/${id}`, { Title: 'v2' })
    const stale = await call(
      app,
      'PUT',
      `/api/v1/Ticket/${id}`,
      { Title: 'v3' },
      { headers: { 'if-match': '"1"' } }
    )
    expect(stale.status).toBe(412)
    const current = await call(app, 'GET', `/api/v1/Ticket/${id}`)
    expect(current.body.Title).toBe('v2')
    expect(current.headers.get('etag')).toMatch(/^"2-[\w-]+"$/)
    const lastModified = current.headers.get('last-modified') ?? ''
    const past = new Date(Date.parse(lastModified) - 60_000).toUTCString()
    const put = (title: string, headers: Record<string, string>) =>
      call(app, 'PUT', `/api/v1/Ticket/${id}`, { Title: title }, { headers })
    expect((await put('v3', { 'if-unmodified-since': past })).status).toBe(412)
    expect((await call(app, 'GET', `/api/v1/Ticket/${id}`)).body.Title).toBe('v2')
    expect((await put('v2b', { 'if-unmodified-since': lastModified })).status).toBe(200)
    expect((await put('v3', { 'if-match': '"3"' })).status).toBe(200)
  })
})
