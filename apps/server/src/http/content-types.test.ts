import { TicketEntityWithLinks } from '@ticket/schema'
import { describe, expect, it } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { demoRefs } from '../test/demo-refs.ts'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'
import { parseXml } from './xml/parse-xml.ts'
import { xmlToValue } from './xml/xml-to-value.ts'

async function demoApp() {
  const test = await createTestApp({ env: { TICKET_DEMO_DATA: '1' } })
  const { db } = test.deps.store
  const tables = tablesOf(db)
  const ticketCount = async () => (await db.select().from(tables.tickets)).length
  return { ...test, refs: await demoRefs(test.deps.store), ticketCount }
}

const xmlHeaders = { 'content-type': 'application/xml', accept: 'application/xml' }

function xmlValue(text: string, schema = TicketEntityWithLinks) {
  const parsed = parseXml(text)
  if (!parsed.ok) {
    throw new Error(`not XML (${parsed.problem.kind}): ${text}`)
  }
  return { root: parsed.root, value: xmlToValue(parsed.node, schema, 65) as { TicketId: number } }
}

describe('XML', () => {
  it('round-trips a ticket: POST XML, GET XML equals the JSON read', async () => {
    const { app, refs } = await demoApp()
    const owner = refs.associates[1]
    const body = `<?xml version="1.0" encoding="utf-8"?>
      <TicketEntity xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <TicketId>0</TicketId>
        <Title>Printer &amp; scanner &lt;on fire&gt; ✓</Title>
        <OwnedBy><AssociateId>${owner?.associateId}</AssociateId></OwnedBy>
        <Category><TicketCategoryId>${refs.categories[1]?.ticketCategoryId}</TicketCategoryId></Category>
        <Priority><TicketPriorityId>${refs.priorities[2]?.ticketPriorityId}</TicketPriorityId></Priority>
        <Deadline>2031-02-03T04:05:06Z</Deadline>
        <Person xsi:nil="true"/>
        <Tags><Tag><Name>xml</Name></Tag><Tag><Name>second</Name></Tag></Tags>
        <SecondaryPersons><Person><PersonId>${refs.persons[0]?.personId}</PersonId></Person></SecondaryPersons>
        <CustomFields><KeyValue><Key>custom.note</Key><Value>a &amp; b</Value></KeyValue></CustomFields>
        <HasAttachment>true</HasAttachment>
      </TicketEntity>`
    const saved = await call(app, 'POST', '/api/v1/Ticket', body, { headers: xmlHeaders })
    expect(saved.status, saved.text).toBe(200)
    expect(saved.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    const created = xmlValue(saved.text)
    expect(created.root).toBe('TicketEntity')
    const id = created.value.TicketId
    expect(id).toBeGreaterThan(0)

    const asXml = await call(app, 'GET', `/api/v1/Ticket/${id}`, undefined, {
      headers: { accept: 'application/xml' },
    })
    const asJson = await call(app, 'GET', `/api/v1/Ticket/${id}`)
    expect(asXml.status).toBe(200)
    const read = xmlValue(asXml.text)
    expect(read.root).toBe('TicketEntity')
    expect(read.value).toEqual(asJson.body)
    expect(asJson.body).toMatchObject({
      Title: 'Printer & scanner <on fire> ✓',
      OwnedBy: { AssociateId: owner?.associateId },
      Deadline: '2031-02-03T04:05:06.000Z',
      Person: null,
      SecondaryPersons: [{ PersonId: refs.persons[0]?.personId }],
      CustomFields: { 'custom.note': 'a & b' },
    })
    expect(asJson.body.Tags.map((t: { Name: string }) => t.Name)).toEqual(['xml', 'second'])
  })

  it('writes arrays wrapped with carrier-named items, null as xsi:nil, no namespace', async () => {
    const { app } = await demoApp()
    const saved = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'shapes',
      Tags: [{ Name: 'a' }],
      Person: null,
    })
    const res = await call(app, 'GET', `/api/v1/Ticket/${saved.body.TicketId}`, undefined, {
      headers: { accept: 'text/xml' },
    })
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8')
    expect(res.text).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?><TicketEntity xmlns:xsi="http:\/\/www.w3.org\/2001\/XMLSchema-instance">/
    )
    expect(res.text).not.toMatch(/ xmlns=/)
    expect(res.text).toMatch(/<Tags><Tag><Id>\d+<\/Id><Name>a<\/Name>/)
    expect(res.text).toContain('<Person xsi:nil="true"/>')
    expect(res.text).toContain('<SecondaryPersons/>')
    expect(res.text).toContain('<Messages/>')
    expect(res.text).toMatch(
      /<FieldProperties><KeyValue><Key>TicketId<\/Key><Value><FieldRight><Mask>/
    )
    expect(res.text).toMatch(/<_Links><Self>http:\/\/localhost\/api\/v1\/Ticket\/\d+<\/Self>/)
  })

  it('answers in the request format when Accept is absent, and lists under ArrayOf…', async () => {
    const { app } = await demoApp()
    const saved = await call(
      app,
      'POST',
      '/api/v1/Ticket',
      '<TicketEntity><Title>no accept</Title></TicketEntity>',
      {
        headers: { 'content-type': 'text/xml', accept: '' },
      }
    )
    expect(saved.status, saved.text).toBe(200)
    expect(saved.headers.get('content-type')).toBe('text/xml; charset=utf-8')
    const id = xmlValue(saved.text).value.TicketId
    const list = await call(
      app,
      'POST',
      '/api/v1/Agents/Ticket/GetTickets',
      { TicketIds: [id] },
      {
        headers: { accept: 'application/xml' },
      }
    )
    expect(list.text).toMatch(/<ArrayOfTicket [^>]*><Ticket><TicketId>\d+<\/TicketId>/)
  })

  it.each([
    [
      'a DOCTYPE',
      '<!DOCTYPE TicketEntity><TicketEntity><Title>x</Title></TicketEntity>',
      /DOCTYPE/,
    ],
    [
      'an entity-expansion DOCTYPE',
      '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;">]><TicketEntity><Title>&b;</Title></TicketEntity>',
      /DOCTYPE/,
    ],
    ['malformed XML', '<TicketEntity><Title>x</Titel></TicketEntity>', /not well-formed XML/],
    ['an undefined entity', '<TicketEntity><Title>&nbsp;</Title></TicketEntity>', /&nbsp;/],
    ['two roots', '<TicketEntity/><TicketEntity/>', /exactly one root/],
    [
      'nesting beyond the limit',
      `<TicketEntity>${'<OwnedBy>'.repeat(100)}${'</OwnedBy>'.repeat(100)}</TicketEntity>`,
      /deeper than 32 levels/,
    ],
  ])('refuses %s with a 400 problem and saves nothing', async (_name, xml, detail) => {
    const { app, ticketCount } = await demoApp()
    const res = await call(app, 'POST', '/api/v1/Ticket', xml, {
      headers: { 'content-type': 'application/xml' },
    })
    expect(res.status, res.text).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
    expect(res.body.detail).toMatch(detail)
    expect(await ticketCount()).toBe(0)
  })

  it('sends problem details as application/problem+xml (RFC 9457) when XML is asked for', async () => {
    const { app, ticketCount } = await demoApp()
    const missing = await call(app, 'GET', '/api/v1/Ticket/424242', undefined, {
      headers: { accept: 'application/xml' },
    })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toBe('application/problem+xml; charset=utf-8')
    expect(missing.text).toContain('xmlns="urn:ietf:rfc:7807"')
    expect(missing.text).toContain('<status>404</status><code>NOT_FOUND</code>')

    const invalid = await call(
      app,
      'POST',
      '/api/v1/Ticket',
      '<TicketEntity><TicketId>seven</TicketId><Title>x</Title></TicketEntity>',
      {
        headers: xmlHeaders,
      }
    )
    expect(invalid.status).toBe(400)
    expect(invalid.headers.get('content-type')).toBe('application/problem+xml; charset=utf-8')
    expect(invalid.text).toMatch(
      /<errors><i><path>\/TicketId<\/path><message>[^<]+<\/message><code>[^<]+<\/code><\/i><\/errors>/
    )
    expect(await ticketCount()).toBe(0)

    const explicit = await call(app, 'GET', '/api/v1/Ticket/424242', undefined, {
      headers: { accept: 'application/json;q=0.5, application/problem+xml' },
    })
    expect(explicit.headers.get('content-type')).toBe('application/problem+xml; charset=utf-8')
  })
})

describe('forms', () => {
  it('saves an ASP.NET-style form with nested keys, typed by the schema', async () => {
    const { app, refs } = await demoApp()
    const owner = refs.associates[2]
    const form = new URLSearchParams({
      Title: 'From a form & co',
      'OwnedBy.AssociateId': String(owner?.associateId),
      'Category.TicketCategoryId': String(refs.categories[0]?.ticketCategoryId),
      'Tags[0].Name': 'form-a',
      'Tags[1].Name': 'form-b',
      'SecondaryPersons[0].PersonId': String(refs.persons[1]?.personId),
      'CustomFields[x.y]': 'z',
      Slevel: '2',
      Deadline: '2030-05-06T07:08:09',
      Person: '',
    })
    const res = await call(app, 'POST', '/api/v1/Ticket', form.toString(), {
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
      // ASP.NET-style keys (`OwnedBy.AssociateId`) and enum numbers: read, but not in the document.
      breaksDocument: 'tolerated',
    })
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({
      Title: 'From a form & co',
      OwnedBy: { AssociateId: owner?.associateId },
      Category: { TicketCategoryId: refs.categories[0]?.ticketCategoryId },
      SecondaryPersons: [{ PersonId: refs.persons[1]?.personId }],
      CustomFields: { 'x.y': 'z' },
      Slevel: 'External',
      Deadline: '2030-05-06T07:08:09.000Z',
      Person: null,
    })
    expect(res.body.Tags.map((t: { Name: string }) => t.Name)).toEqual(['form-a', 'form-b'])
  })

  it('refuses bad keys and ill-typed values with a 400 listing each, saving nothing', async () => {
    const { app, ticketCount } = await demoApp()
    const headers = { 'content-type': 'application/x-www-form-urlencoded' }
    const breaksDocument = 'rejected' as const
    const keys = await call(app, 'POST', '/api/v1/Ticket', 'Title=a&Title=b&Tags[5000].Name=x', {
      headers,
      breaksDocument,
    })
    expect(keys.status).toBe(400)
    expect(keys.body.errors.map((e: { path: string }) => e.path)).toEqual([
      '/Tags/5000/Name',
      '/Title',
    ])
    const typed = await call(
      app,
      'POST',
      '/api/v1/Ticket',
      'Title=ok&OwnedBy.AssociateId=five&Deadline=soon',
      { headers, breaksDocument }
    )
    expect(typed.status).toBe(400)
    expect(typed.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/Deadline',
      expect.stringMatching(/^\/OwnedBy/),
    ])
    expect(await ticketCount()).toBe(0)
  })
})

describe('negotiation errors', () => {
  it('answers 406 for an Accept it cannot produce, before saving anything', async () => {
    const { app, ticketCount } = await demoApp()
    const res = await call(
      app,
      'POST',
      '/api/v1/Ticket',
      { Title: 'never saved' },
      { headers: { accept: 'image/png, text/html;q=0.9' } }
    )
    expect(res.status).toBe(406)
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
    expect(res.body.code).toBe('NOT_ACCEPTABLE')
    expect(res.body.detail).toContain('application/xml')
    expect(await ticketCount()).toBe(0)
    const read = await call(app, 'GET', '/api/v1/Ticket/default', undefined, {
      headers: { accept: 'application/pdf' },
    })
    expect(read.status).toBe(406)
  })

  it('honours q-values and wildcards', async () => {
    const { app } = await demoApp()
    const typeFor = async (accept: string) =>
      (
        await call(app, 'GET', '/api/v1/Ticket/default', undefined, { headers: { accept } })
      ).headers.get('content-type')
    expect(await typeFor('application/json;q=0.4, text/xml;q=0.8')).toBe('text/xml; charset=utf-8')
    expect(await typeFor('text/*')).toBe('text/json; charset=utf-8')
    expect(await typeFor('*/*')).toBe('application/json; charset=utf-8')
    expect(await typeFor('application/xml;q=0, */*;q=0.1')).toBe('application/json; charset=utf-8')
  })

  it('answers 415 for a body type the route does not take, and for a non-UTF-8 charset', async () => {
    const { app, ticketCount } = await demoApp()
    const plain = await call(app, 'POST', '/api/v1/Ticket', 'Title=x', {
      headers: { 'content-type': 'text/plain' },
      breaksDocument: 'rejected',
    })
    expect(plain.status).toBe(415)
    expect(plain.body.detail).toContain('application/x-www-form-urlencoded')
    const latin = await call(app, 'POST', '/api/v1/Ticket', '<TicketEntity/>', {
      headers: { 'content-type': 'application/xml; charset=iso-8859-1' },
      breaksDocument: 'rejected',
    })
    expect(latin.status).toBe(415)
    // Agent methods take JSON only (operations table), and PATCH takes patch documents only.
    const agent = await call(
      app,
      'POST',
      '/api/v1/Agents/Ticket/SaveTicketEntity',
      '<TicketEntity/>',
      {
        headers: { 'content-type': 'application/xml' },
        breaksDocument: 'rejected',
      }
    )
    expect(agent.status).toBe(415)
    const saved = await call(app, 'POST', '/api/v1/Ticket', { Title: 'patch me' })
    const patch = await call(app, 'PATCH', `/api/v1/Ticket/${saved.body.TicketId}`, 'Title=x', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      breaksDocument: 'rejected',
    })
    expect(patch.status).toBe(415)
    expect(await ticketCount()).toBe(1)
  })
})
