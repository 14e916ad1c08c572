import { describe, expect, it, onTestFinished } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { demoRefs } from '../test/demo-refs.ts'
import { createTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { call } from '../test/requests.ts'

async function demoApp(database: ':memory:' | 'postgres' = ':memory:') {
  let url: string = database
  if (database === 'postgres') {
    const created = await createTestDatabase()
    onTestFinished(() => created.drop())
    url = created.url
  }
  const test = await createTestApp({ database: url, env: { TICKET_DEMO_DATA: '1' } })
  const { db } = test.deps.store
  const tables = tablesOf(db)
  const storedDeadline = async (id: number) =>
    (await db.select().from(tables.tickets)).find((row) => row.ticketId === id)?.deadline
  const ticketCount = async () => (await db.select().from(tables.tickets)).length
  return { ...test, refs: await demoRefs(test.deps.store), storedDeadline, ticketCount }
}

describe('Accept-Language / SO-Language', () => {
  it('resolves a multi-language category name by language; unchanged without a header or with *', async () => {
    const { app, refs } = await demoApp()
    const billing = refs.categories.find((c) => c.name.includes('Billing'))
    expect(billing?.name).toBe('NO:"Faktura";US:"Billing"')
    const saved = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'Invoice question',
      Category: { TicketCategoryId: billing?.ticketCategoryId },
    })
    const path = `/api/v1/Ticket/${saved.body.TicketId}`
    const nameWith = async (headers: Record<string, string>) =>
      (await call(app, 'GET', path, undefined, { headers })).body.Category.Name
    expect(await nameWith({})).toBe('NO:"Faktura";US:"Billing"')
    expect(await nameWith({ 'accept-language': 'nb-NO,nb;q=0.9,en;q=0.8' })).toBe('Faktura')
    expect(await nameWith({ 'accept-language': 'en-GB' })).toBe('Billing')
    expect(await nameWith({ 'accept-language': 'sv' })).toBe('Billing')
    expect(await nameWith({ 'accept-language': 'nb', 'so-language': 'en' })).toBe('Billing')
    expect(await nameWith({ 'accept-language': 'nb', 'so-language': '*' })).toBe(
      'NO:"Faktura";US:"Billing"'
    )
    expect(await nameWith({ 'accept-language': 'nb', 'so-language': 'x' })).toBe(
      'NO:"Faktura";US:"Billing"'
    )
    const xml = await call(app, 'GET', path, undefined, {
      headers: { accept: 'application/xml', 'so-language': 'no' },
    })
    expect(xml.text).toContain('<Name>Faktura</Name>')
  })

  it('resolves string references in user-entered strings too', async () => {
    const { app } = await demoApp()
    const saved = await call(
      app,
      'POST',
      '/api/v1/Ticket',
      { Title: 'Why: [SR_MANDATORY_FIELD_1281]' },
      {
        headers: { 'accept-language': 'de' },
      }
    )
    expect(saved.body.Title).toBe('Why: Pflichtfeld')
    const raw = await call(app, 'GET', `/api/v1/Ticket/${saved.body.TicketId}`)
    expect(raw.body.Title).toBe('Why: [SR_MANDATORY_FIELD_1281]')
  })

  it('words error messages in the requested language, in JSON and XML', async () => {
    const { app } = await demoApp()
    const notFound = await call(app, 'GET', '/api/v1/Ticket/424242', undefined, {
      headers: { 'accept-language': 'nb' },
    })
    expect(notFound.status).toBe(404)
    expect(notFound.body.title).toBe('Ikke funnet')
    const english = await call(app, 'GET', '/api/v1/Ticket/424242')
    expect(english.body.title).toBe('Not found')
    const doctype = await call(app, 'POST', '/api/v1/Ticket', '<!DOCTYPE x><x/>', {
      headers: { 'content-type': 'text/xml', accept: 'text/xml', 'so-language': 'no' },
    })
    expect(doctype.status).toBe(400)
    expect(doctype.text).toContain('<title>Ugyldig forespørsel</title><status>400</status>')
    expect(doctype.text).toContain('<detail>XML med DOCTYPE godtas ikke.</detail>')
    const unauthenticated = await call(app, 'GET', '/api/v1/Ticket/1', undefined, {
      auth: null,
      headers: { 'accept-language': 'de' },
    })
    expect(unauthenticated.status).toBe(401)
    expect(unauthenticated.body.title).toBe('Anmeldung erforderlich')
  })

  it('SO-Culture formats numbers inside the messages the service builds', async () => {
    const { app } = await demoApp()
    const limitMessage = async (culture: string) => {
      const res = await call(app, 'POST', '/api/v1/Ticket', 'Tags[1500].Name=x', {
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'so-culture': culture },
      })
      expect(res.status).toBe(400)
      return res.body.errors[0].message
    }
    expect(await limitMessage('de-DE')).toContain('at most 1.000 items')
    expect(await limitMessage('en-US')).toContain('at most 1,000 items')
    const bad = await call(app, 'GET', '/api/v1/Ticket/default', undefined, {
      headers: { 'so-culture': 'not a culture!' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].path).toBe('/headers/SO-Culture')
  })
})

describe.each([':memory:', 'postgres'] as const)('SO-TimeZone on %s', (database) => {
  it('reads offset-less dates in the zone, stores UTC, and writes the zone wall time back', async () => {
    const { app, storedDeadline } = await demoApp(database)
    const save = (deadline: string, zone?: string) =>
      call(
        app,
        'POST',
        '/api/v1/Ticket',
        { Title: 'tz', Deadline: deadline },
        {
          headers: zone ? { 'so-timezone': zone } : {},
        }
      )
    const winter = await save('2024-01-15T12:00:00', 'NO')
    expect(winter.status, winter.text).toBe(200)
    expect(winter.body.Deadline).toBe('2024-01-15T12:00:00.000')
    expect(await storedDeadline(winter.body.TicketId)).toBe('2024-01-15T11:00:00.000Z')
    const summer = await save('2024-07-15T12:00:00', 'NO')
    expect(await storedDeadline(summer.body.TicketId)).toBe('2024-07-15T10:00:00.000Z')
    const absolute = await save('2024-07-15T12:00:00+05:00', 'NO')
    expect(await storedDeadline(absolute.body.TicketId)).toBe('2024-07-15T07:00:00.000Z')
    const utc = await save('2024-07-15T12:00:00')
    expect(utc.body.Deadline).toBe('2024-07-15T12:00:00.000Z')

    const read = async (id: number, zone?: string) =>
      (
        await call(app, 'GET', `/api/v1/Ticket/${id}`, undefined, {
          headers: zone ? { 'so-timezone': zone } : {},
        })
      ).body
    const plain = await read(winter.body.TicketId)
    expect(plain.Deadline).toBe('2024-01-15T11:00:00.000Z')
    const newYork = await read(winter.body.TicketId, 'US-NY')
    expect(newYork.Deadline).toBe('2024-01-15T06:00:00.000')
    const withOffset = await read(summer.body.TicketId, 'US-NY, includeTZOffset')
    expect(withOffset.Deadline).toBe('2024-07-15T06:00:00.000-04:00')
    const oslo = await read(summer.body.TicketId, 'Europe/Oslo,includeTZOffset')
    expect(oslo.Deadline).toBe('2024-07-15T12:00:00.000+02:00')
    expect(newYork.CreatedAt).toBe(plain.CreatedAt)
    expect(withOffset.CreatedAt).toBe(summer.body.CreatedAt)
    expect(oslo.LastChanged).toBe(summer.body.LastChanged)
    for (const ticket of [winter.body, summer.body, newYork, withOffset, oslo]) {
      expect(ticket.CreatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
      expect(ticket.LastChanged).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    }
  })
})

describe('SO-TimeZone', () => {
  it('reads dates in XML, form and JSON Patch bodies in the zone', async () => {
    const { app, storedDeadline } = await demoApp()
    const xml = await call(
      app,
      'POST',
      '/api/v1/Ticket',
      '<TicketEntity><Title>x</Title><Deadline>2024-07-15T12:00:00</Deadline></TicketEntity>',
      {
        headers: { 'content-type': 'application/xml', 'so-timezone': 'NO, includeTZOffset' },
      }
    )
    expect(xml.status, xml.text).toBe(200)
    expect(xml.body.Deadline).toBe('2024-07-15T12:00:00.000+02:00')
    expect(await storedDeadline(xml.body.TicketId)).toBe('2024-07-15T10:00:00.000Z')
    const form = await call(
      app,
      'POST',
      '/api/v1/Ticket',
      'Title=f&Deadline=2024-01-15T12%3A00%3A00',
      {
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'so-timezone': 'US-NY' },
      }
    )
    expect(await storedDeadline(form.body.TicketId)).toBe('2024-01-15T17:00:00.000Z')
    const patched = await call(
      app,
      'PATCH',
      `/api/v1/Ticket/${form.body.TicketId}`,
      [{ op: 'replace', path: 'deadline', value: '2024-01-16T09:30:00' }],
      {
        headers: { 'content-type': 'application/json-patch+json', 'so-timezone': 'NO' },
      }
    )
    expect(patched.status, patched.text).toBe(200)
    expect(patched.body.Deadline).toBe('2024-01-16T09:30:00.000')
    expect(await storedDeadline(form.body.TicketId)).toBe('2024-01-16T08:30:00.000Z')
  })

  it('refuses an unknown zone or option with a 400 naming the header, changing nothing', async () => {
    const { app, ticketCount } = await demoApp()
    for (const zone of ['Mars/Olympus', 'XX', 'NO, withSeconds']) {
      const res = await call(
        app,
        'POST',
        '/api/v1/Ticket',
        { Title: 'never' },
        { headers: { 'so-timezone': zone } }
      )
      expect(res.status, zone).toBe(400)
      expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
      expect(res.body.errors[0].path).toBe('/headers/SO-TimeZone')
      expect(res.body.detail).toContain('SO-TimeZone')
    }
    expect(await ticketCount()).toBe(0)
  })
})
