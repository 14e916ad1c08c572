import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../app.ts'
import { demoRefs } from '../test/demo-refs.ts'
import { openTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { call } from '../test/requests.ts'

type Refs = Awaited<ReturnType<typeof demoRefs>>
const bjorn = { username: 'bjorn', password: 'bjorn-demo-3958' }

let pgDatabase: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  pgDatabase = await createTestDatabase()
})
afterAll(() => pgDatabase.drop())

describe.each(['sqlite', 'pg'] as const)('GET /api/v1/Ticket on %s', (dialect) => {
  let app: App
  let refs: Refs
  let opened: Awaited<ReturnType<typeof openTestApp>>
  const ids: Record<string, number> = {}

  const list = async (query: string, options: Parameters<typeof call>[4] = {}) =>
    call(app, 'GET', `/api/v1/Ticket?${query}`, undefined, options)
  /** The PrimaryKeys a filter finds, in order. */
  const found = async (filter: string, extra = '') => {
    const res = await list(`$filter=${encodeURIComponent(filter)}&$top=500${extra}`)
    expect(res.status, `${filter}: ${res.text}`).toBe(200)
    return res.body.value.map((row: { PrimaryKey: number }) => row.PrimaryKey) as number[]
  }
  const named = (...names: string[]) => names.map((n) => ids[n])

  beforeAll(async () => {
    opened = await openTestApp({
      database: dialect === 'pg' ? pgDatabase.url : ':memory:',
      env: { TICKET_DEMO_DATA: '1' },
    })
    app = opened.app
    refs = await demoRefs(opened.deps.store)
    const [, owner1, owner2] = refs.associates
    const seed: Array<[string, Record<string, unknown>]> = [
      [
        'printer',
        {
          Title: 'Printer on fire',
          OwnedBy: { AssociateId: owner1?.associateId },
          Category: { TicketCategoryId: refs.categories[0]?.ticketCategoryId },
          Priority: { TicketPriorityId: refs.priorities[2]?.ticketPriorityId },
          Deadline: '2030-01-10T12:00:00Z',
          Tags: [{ Name: 'hardware' }, { Name: 'urgent' }],
          CustomFields: { x_region: 'north' },
          Person: { PersonId: refs.persons[0]?.personId },
        },
      ],
      [
        'invoice',
        {
          Title: 'Invoice 100% wrong',
          OwnedBy: { AssociateId: owner2?.associateId },
          Category: { TicketCategoryId: refs.categories[1]?.ticketCategoryId },
          Priority: { TicketPriorityId: refs.priorities[0]?.ticketPriorityId },
          Deadline: '2030-02-10T12:00:00Z',
          Tags: [{ Name: 'billing' }],
          CustomFields: { x_region: 'south' },
        },
      ],
      [
        'password',
        {
          Title: "Can't log in",
          OwnedBy: { AssociateId: owner1?.associateId },
          Category: { TicketCategoryId: refs.categories[0]?.ticketCategoryId },
          Priority: { TicketPriorityId: refs.priorities[1]?.ticketPriorityId },
          // No deadline (the filters and NULL ordering below rely on it), not the priority's.
          Deadline: null,
          BaseStatus: 'Closed',
        },
      ],
      [
        'screen',
        {
          Title: 'Screen flickers',
          OwnedBy: { AssociateId: 0 },
          Category: { TicketCategoryId: refs.categories[2]?.ticketCategoryId },
          Deadline: '2030-03-10T12:00:00Z',
          Tags: [{ Name: 'Hardware' }],
        },
      ],
      [
        'printer2',
        {
          Title: 'printer jams',
          OwnedBy: { AssociateId: owner2?.associateId },
          Category: { TicketCategoryId: refs.categories[0]?.ticketCategoryId },
          Deadline: null,
          BaseStatus: 'Postponed',
          Activate: '2030-05-01T00:00:00Z',
          Person: { PersonId: refs.persons[1]?.personId },
        },
      ],
      ['deleted', { Title: 'Printer deleted later' }],
    ]
    for (const [name, body] of seed) {
      const res = await call(app, 'POST', '/api/v1/Ticket', body)
      expect(res.status, res.text).toBe(200)
      ids[name] = res.body.TicketId
    }
    expect((await call(app, 'DELETE', `/api/v1/Ticket/${ids.deleted}`)).status).toBe(204)
  })
  afterAll(() => opened.close())

  it('answers SuperOffice’s OData shape with the Slim columns by default', async () => {
    const res = await list('$orderBy=ticketId')
    expect(res.status, res.text).toBe(200)
    expect(res.body['odata.nextLink']).toBeNull()
    expect(res.body['odata.metadata']).toMatch(/\/openapi\.json/)
    const first = res.body.value[0]
    expect(first).toMatchObject({
      PrimaryKey: ids.printer,
      EntityName: 'ticket',
      ticketId: ids.printer,
      title: 'Printer on fire',
      baseStatus: 'Active',
      ownedBy: refs.associates[1]?.associateId,
      deadline: '2030-01-10T12:00:00.000Z',
    })
    expect(Object.keys(first)).not.toContain('author')
    expect(res.body.value.map((r: { PrimaryKey: number }) => r.PrimaryKey)).toEqual(
      named('printer', 'invoice', 'password', 'screen', 'printer2')
    )
  })

  it('selects sub-fields as category/name, returns them as category___name, names in any case', async () => {
    const res = await list(
      `$select=TITLE,Category/Name,ownedBy/fullName,tags,customFields/x_region&$filter=${encodeURIComponent(`ticketid eq ${ids.printer}`)}`
    )
    expect(res.status, res.text).toBe(200)
    expect(res.body.value).toEqual([
      {
        PrimaryKey: ids.printer,
        EntityName: 'ticket',
        title: 'Printer on fire',
        category___name: refs.categories[0]?.name,
        ownedBy___fullName: refs.associates[1]?.fullName,
        tags: 'Hardware,urgent',
        customFields___x_region: 'north',
      },
    ])
  })

  it('drives every operator on the main fields', async () => {
    const [, owner1, owner2] = refs.associates
    const cat0 = refs.categories[0]?.ticketCategoryId
    const sorted = (list: number[]) => [...list].sort((a, b) => a - b)
    const cases: Array<[string, string[]]> = [
      [`ticketId eq ${ids.printer}`, ['printer']],
      [`ticketId ne ${ids.printer}`, ['invoice', 'password', 'screen', 'printer2']],
      [`ticketId lt ${ids.password}`, ['printer', 'invoice']],
      [`ticketId le ${ids.password}`, ['printer', 'invoice', 'password']],
      [`ticketId gt ${ids.password}`, ['screen', 'printer2']],
      [`ticketId ge ${ids.password}`, ['password', 'screen', 'printer2']],
      [`ticketId between (${ids.invoice}, ${ids.screen})`, ['invoice', 'password', 'screen']],
      [`ticketId oneOf (${ids.invoice}, ${ids.screen})`, ['invoice', 'screen']],
      [`oneOf(ticketId, ${ids.invoice}, ${ids.printer2})`, ['invoice', 'printer2']],
      ["title contains 'PRINTER'", ['printer', 'printer2']],
      ["contains(title, '100%')", ['invoice']],
      ["title startswith 'printer'", ['printer', 'printer2']],
      ["title eq 'Can''t log in'", ['password']],
      ["title contains '_'", []],
      ["baseStatus eq 'Closed'", ['password']],
      ['baseStatus eq 2', ['password']],
      ["baseStatus oneOf ('Closed', 'postponed')", ['password', 'printer2']],
      ["baseStatus ne 'Active'", ['password', 'printer2']],
      [`ownedBy eq ${owner1?.associateId}`, ['printer', 'password']],
      [`ownedBy eq null`, ['screen']],
      [`ownedBy ne ${owner1?.associateId}`, ['invoice', 'screen', 'printer2']],
      [`ownedBy/userName eq '${owner2?.userName}'`, ['invoice', 'printer2']],
      [`category eq ${cat0}`, ['printer', 'password', 'printer2']],
      [`category/name eq '${refs.categories[1]?.name}'`, ['invoice']],
      [`priority eq ${refs.priorities[2]?.ticketPriorityId}`, ['printer']],
      [`person eq ${refs.persons[1]?.personId}`, ['printer2']],
      [
        `status eq ${refs.statuses.find((s) => s.status === 'Closed')?.ticketStatusId}`,
        ['password'],
      ],
      ["deadline lt '2030-02-01'", ['printer']],
      ["deadline ge '2030-02-10T12:00:00Z'", ['invoice', 'screen']],
      ["deadline between ('2030-01-01', '2030-02-28')", ['printer', 'invoice']],
      ["createdAt gt '2000-01-01'", ['printer', 'invoice', 'password', 'screen', 'printer2']],
      ["lastChanged lt '2000-01-01'", []],
      ["tags eq 'HARDWARE'", ['printer', 'screen']],
      ["tags ne 'hardware'", ['invoice', 'password', 'printer2']],
      ["tags startswith 'bill'", ['invoice']],
      ["tags oneOf ('urgent', 'billing')", ['printer', 'invoice']],
      ["customFields/x_region eq 'south'", ['invoice']],
      [
        `(ownedBy eq ${owner1?.associateId} or ownedBy eq ${owner2?.associateId}) and not baseStatus eq 'Active'`,
        ['password', 'printer2'],
      ],
      [
        `category eq ${cat0} and (title contains 'printer' or baseStatus eq 'Closed')`,
        ['printer', 'password', 'printer2'],
      ],
    ]
    for (const [filter, expected] of cases) {
      expect(sorted(await found(filter)), filter).toEqual(sorted(named(...expected) as number[]))
    }
  })

  it('refuses a bad column, operator, value or nesting with a 400 naming it', async () => {
    const bad = async (query: string, needle: string) => {
      const res = await list(query, { breaksDocument: 'rejected' })
      expect(res.status, `${query}: ${res.text}`).toBe(400)
      expect(res.headers.get('content-type')).toMatch(/problem\+json/)
      expect(res.text).toContain(needle)
    }
    await bad(`$filter=${encodeURIComponent('nosuch eq 1')}`, 'nosuch')
    await bad(`$filter=${encodeURIComponent("title like 'x'")}`, 'like')
    await bad(`$filter=${encodeURIComponent("baseStatus gt 'Active'")}`, 'gt')
    await bad(`$filter=${encodeURIComponent("ownedBy eq 'anna'")}`, 'ownedBy')
    await bad(`$filter=${encodeURIComponent("deadline lt 'soon'")}`, 'deadline')
    await bad(`$filter=${encodeURIComponent("baseStatus eq 'Sleeping'")}`, 'baseStatus')
    await bad(`$filter=${encodeURIComponent("title eq 'unterminated")}`, 'unterminated')
    await bad(`$filter=${encodeURIComponent('ticketId between (1)')}`, 'between')
    await bad(
      `$filter=${encodeURIComponent(`${'('.repeat(40)}ticketId eq 1${')'.repeat(40)}`)}`,
      'nested'
    )
    await bad(`$filter=${encodeURIComponent("title eq 'x' extra")}`, 'extra')
    await bad('$select=title,secret', 'secret')
    await bad('$orderBy=title sideways', 'sideways')
    await bad('$orderBy=tags', 'tags')
    await bad('$top=501', '$top')
    await bad('$skiptoken=garbage', '$skiptoken')
  })

  it('sorts by several keys, ascending and descending', async () => {
    const res = await list('$select=category,title&$orderBy=category desc,title asc')
    expect(res.status, res.text).toBe(200)
    const rows = res.body.value as Array<{ category: number; title: string }>
    const expected = [...rows].sort(
      (a, b) => b.category - a.category || (a.title.toLowerCase() < b.title.toLowerCase() ? -1 : 1)
    )
    expect(rows).toEqual(expected)
    expect(new Set(rows.map((r) => r.category)).size).toBeGreaterThan(1)
    const byDeadline = await found('ticketId gt 0', '&$orderBy=deadline desc')
    expect(byDeadline).toEqual(named('screen', 'invoice', 'printer', 'printer2', 'password'))
  })

  it('pages by odata.nextLink, stable while tickets are inserted, and honours $skip', async () => {
    const pages = async (first: string, during?: () => Promise<void>) => {
      const seen: number[] = []
      let next: string | null = first
      while (next) {
        const res = await call(app, 'GET', next.replace(/^https?:\/\/[^/]+/, ''))
        expect(res.status, res.text).toBe(200)
        expect(res.body.value.length).toBeLessThanOrEqual(2)
        seen.push(...res.body.value.map((r: { PrimaryKey: number }) => r.PrimaryKey))
        await during?.()
        next = res.body['odata.nextLink']
      }
      return seen
    }
    // NULL deadlines sort first ascending, and the keyset continues through them.
    expect(await pages('/api/v1/Ticket?$select=title&$orderBy=deadline asc&$top=2')).toEqual(
      named('password', 'printer2', 'printer', 'invoice', 'screen')
    )
    // Each insert lands before the current position: offset paging would repeat a row on the
    // next page; keyset paging neither repeats nor skips one.
    const inserted: number[] = []
    const seen = await pages(
      '/api/v1/Ticket?$select=title&$orderBy=ticketId desc&$top=2',
      async () => {
        const extra = await call(app, 'POST', '/api/v1/Ticket', { Title: 'inserted meanwhile' })
        inserted.push(extra.body.TicketId)
      }
    )
    expect(seen).toEqual(named('printer2', 'screen', 'password', 'invoice', 'printer'))
    for (const id of inserted) {
      await call(app, 'DELETE', `/api/v1/Ticket/${id}`)
    }
    const skipped = await list('$select=title&$orderBy=ticketId&$skip=2&$top=2')
    expect(skipped.body.value.map((r: { PrimaryKey: number }) => r.PrimaryKey)).toEqual(
      named('password', 'screen')
    )
    expect(skipped.body['odata.nextLink']).toContain('$skiptoken=')
    expect(skipped.body['odata.nextLink']).not.toContain('$skip=')
  })

  it('applies rights as single reads do: authenticated only, deleted tickets gone for everyone', async () => {
    expect((await list('', { auth: null })).status).toBe(401)
    const asBjorn = await list('$top=500', { auth: bjorn })
    expect(asBjorn.status, asBjorn.text).toBe(200)
    const visible = asBjorn.body.value.map((r: { PrimaryKey: number }) => r.PrimaryKey)
    expect(visible).not.toContain(ids.deleted)
    expect((await call(app, 'GET', `/api/v1/Ticket/${ids.deleted}`)).status).toBe(404)
    expect(await found(`ticketId eq ${ids.deleted}`)).toEqual([])
  })

  it('searches titles full-text, ranked, kept in step with every save', async () => {
    expect(await found("search eq 'printer on fire'")).toEqual(named('printer'))
    const printers = await found("search eq 'Printer'")
    expect(await found(`search eq 'printer' and baseStatus eq 'Postponed'`)).toEqual(
      named('printer2')
    )
    // Every word must occur.
    expect(await found("search eq 'printer jams'")).toEqual(named('printer2'))
    // Ranked: the shorter title, where "printer" weighs more, comes first.
    expect(printers).toEqual(named('printer2', 'printer'))
    const renamed = await call(
      app,
      'PATCH',
      `/api/v1/Ticket/${ids.screen}`,
      [{ op: 'replace', path: '/Title', value: 'Screen shows smoke' }],
      { headers: { 'content-type': 'application/json-patch+json' } }
    )
    expect(renamed.status, renamed.text).toBe(200)
    expect(await found("search eq 'smoke'")).toEqual(named('screen'))
    expect(await found("search eq 'flickers'")).toEqual([])
    const refused = await call(
      app,
      'PUT',
      `/api/v1/Ticket/${ids.screen}`,
      { Title: 'x'.repeat(300) },
      { breaksDocument: 'rejected' }
    )
    expect(refused.status).toBe(400)
    expect(await found("search eq 'smoke'")).toEqual(named('screen'))
    expect(await found("search eq 'deleted'")).toEqual([])
    // Message bodies count too, from the transaction that saves the message.
    const message = await call(app, 'POST', '/api/v1/TicketMessage', {
      TicketId: ids.invoice,
      Body: 'The toner smudges everywhere',
    })
    expect(message.status, message.text).toBe(200)
    expect(await found("search eq 'smudges toner'")).toEqual(named('invoice'))
    // Each word in the title or in any message: here the title, and two different messages.
    expect(await found("search eq 'invoice toner'")).toEqual(named('invoice'))
    const second = await call(app, 'POST', '/api/v1/TicketMessage', {
      TicketId: ids.invoice,
      Body: 'Paper tray empty',
    })
    expect(second.status, second.text).toBe(200)
    expect(await found("search eq 'toner tray'")).toEqual(named('invoice'))
    expect(await found("search eq 'toner flickers'")).toEqual([])
    const edited = await call(app, 'POST', '/api/v1/TicketMessage', {
      ...message.body,
      Body: 'Fixed by itself',
    })
    expect(edited.status, edited.text).toBe(200)
    expect(await found("search eq 'smudges'")).toEqual([])
    expect(await found("search eq 'itself'")).toEqual(named('invoice'))
    expect(await found("search eq 'toner tray'")).toEqual([])
    expect(await found("search eq 'itself tray'")).toEqual(named('invoice'))
    const paged = await list(`$filter=${encodeURIComponent("search eq 'printer'")}&$top=1`)
    const next = await call(
      app,
      'GET',
      paged.body['odata.nextLink'].replace(/^https?:\/\/[^/]+/, '')
    )
    expect([paged.body.value[0].PrimaryKey, next.body.value[0].PrimaryKey]).toEqual(printers)
    expect(next.body['odata.nextLink']).toBeNull()
    const misplaced = await list(`$filter=${encodeURIComponent("search eq 'x' or ticketId eq 1")}`)
    expect(misplaced.status).toBe(400)
    expect(misplaced.text).toContain('search')
  })

  it('answers XML and converts dates for SO-TimeZone, as single reads do', async () => {
    const filter = encodeURIComponent(`ticketId eq ${ids.printer}`)
    const xml = await list(`$select=title,deadline&$filter=${filter}`, {
      headers: { accept: 'application/xml' },
    })
    expect(xml.status, xml.text).toBe(200)
    expect(xml.text).toContain('<TicketArchiveList')
    expect(xml.text).toContain('<title>Printer on fire</title>')
    const zoned = await list(`$select=deadline&$filter=${filter}`, {
      headers: { 'SO-TimeZone': 'Europe/Oslo' },
    })
    expect(zoned.body.value[0].deadline).toMatch(/^2030-01-10T13:00:00(\.000)?$/)
    const inZone = await found("deadline eq '2030-01-10T13:00:00'", '')
    expect(inZone).toEqual([])
    const res = await list(`$filter=${encodeURIComponent("deadline eq '2030-01-10T13:00:00'")}`, {
      headers: { 'SO-TimeZone': 'Europe/Oslo' },
    })
    expect(res.body.value.map((r: { PrimaryKey: number }) => r.PrimaryKey)).toEqual(
      named('printer')
    )
  })
})
