import { Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { MDOListItem, mdoListNames } from '@ticket/schema'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { Breach } from '../test/contract/validated-app.ts'
import { createTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { call } from '../test/requests.ts'

const ItemList = Type.Array(MDOListItem)

async function demoApp(database: 'sqlite' | 'pg' = 'sqlite') {
  let url = ':memory:'
  if (database === 'pg') {
    const created = await createTestDatabase()
    onTestFinished(() => created.drop())
    url = created.url
  }
  const { app } = await createTestApp({ database: url, env: { TICKET_DEMO_DATA: '1' } })
  const list = async (path: string, breach?: Breach) => {
    const res = await call(app, 'GET', `/api/v1/MDOList/${path}`, undefined, {
      breaksDocument: breach,
    })
    expect(res.status, res.text).toBe(200)
    expect([...Value.Errors(ItemList, res.body)]).toEqual([])
    return res.body as MDOListItem[]
  }
  return { app, list }
}

const names = (items: MDOListItem[]) => items.map((item) => item.Name)

describe.each(['sqlite', 'pg'] as const)('GET /api/v1/MDOList on %s', (database) => {
  it('serves every list with items of the MDOListItem shape', async () => {
    const { list } = await demoApp(database)
    const associates = await list('associate')
    expect(names(associates)).toEqual([
      'Administrator',
      'Anna Berg',
      'Bjørn Hansen',
      'Carla Mendes',
      'David Olsen',
      'Eva Lind',
      'Fredrik Nilsen',
      'Guro Dahl',
    ])
    expect(associates[1]).toMatchObject({
      ToolTip: 'Anna Berg (anna)',
      Type: 'InternalAssociate',
      ExtraInfo: 'person_id=0&contact_id=0',
      Deleted: false,
      Rank: 2,
      ChildItems: [],
    })
    const priorities = await list('ticketpriority')
    expect(names(priorities)).toEqual([
      'NO:"Lav";US:"Low"',
      'NO:"Normal";US:"Medium"',
      'NO:"Høy";US:"High"',
    ])
    expect(priorities.map((p) => p.ExtraInfo)).toEqual(['1', '2', '3'])
    const statuses = await list('ticketstatus')
    expect(statuses.map((s) => [s.Name, s.ExtraInfo])).toEqual([
      ['Open', 'Active'],
      ['Closed', 'Closed'],
      ['Postponed', 'Postponed'],
      ['Deleted', 'Deleted'],
      ['Merged', 'Merged'],
    ])
    const persons = await list('person_new')
    expect(persons).toHaveLength(10)
    expect(persons.find((p) => p.Name === 'Ingrid Solberg')).toMatchObject({
      ToolTip: 'Ingrid Solberg, Havbris Shipping AS',
      ExtraInfo: 'contact_id=0&email=ingrid.solberg@havbris.example.org',
    })
    expect(names(await list('sale'))).toEqual([
      'Annual support agreement 2026 (Havbris Shipping AS)',
      'Printer fleet upgrade (Nordvik kommune)',
    ])
    expect(names(await list('project'))).toEqual(['Office move Lysaker', 'Web shop launch'])
    const types = await list('tickettype')
    expect(types.map((t) => [t.Name, t.ExtraInfo.split('&')[0]])).toEqual([
      ['NO:"Henvendelse";US:"Request"', 'isDefault=1'],
      ['NO:"Feilrapport";US:"Bug report"', 'isDefault=0'],
    ])
    const categories = await list('ejcategory?flat=true')
    expect(names(categories)).toEqual([
      'NO:"Faktura";US:"Billing"',
      'Sales',
      'Support',
      'Support/Printers',
    ])
  }, 60_000)
})

describe('GET /api/v1/MDOList/ejcategory', () => {
  it('is a tree of full-path names by default, flat with flat=true or a query', async () => {
    const { list } = await demoApp()
    const tree = await list('ejcategory')
    expect(names(tree)).toEqual(['NO:"Faktura";US:"Billing"', 'Sales', 'Support'])
    const support = tree.find((item) => item.Name === 'Support')
    expect(support?.ChildItems.map((child) => [child.Name, child.FullName])).toEqual([
      ['Support/Printers', 'Support/Printers'],
    ])
    expect(support?.ChildItems[0]?.ExtraInfo).toBe(`parentId=${support?.Id}&replyTemplateId=-1`)

    const flat = await list('ejcategory?flat=true')
    expect(flat).toHaveLength(4)
    expect(flat.every((item) => item.ChildItems.length === 0)).toBe(true)
    expect(names(await list('ejcategory?flat=false'))).toEqual(names(tree))

    expect(names(await list('ejcategory?query=PRINT'))).toEqual(['Support/Printers'])
    expect(names(await list('ejcategory?query=support'))).toEqual(['Support', 'Support/Printers'])
  }, 30_000)
})

describe('GET /api/v1/MDOList query and names', () => {
  it('filters any list by a case-insensitive substring of the names', async () => {
    const { list } = await demoApp()
    expect(names(await list('person_new?query=NORD'))).toEqual(['Ole Nordmann'])
    expect(names(await list('associate?query=AN'))).toEqual(['Anna Berg', 'Bjørn Hansen'])
    expect(await list('sale?query=nothing-like-this')).toEqual([])
    expect(names(await list('ticketpriority?query=high'))).toEqual(['NO:"Høy";US:"High"'])
  }, 30_000)

  it('matches list names and query options case-insensitively', async () => {
    const { list } = await demoApp()
    expect(await list('TicketStatus')).toEqual(await list('ticketstatus'))
    // Option names and values are read case-insensitively; the document spells them one way.
    expect(await list('EJCATEGORY?Flat=TRUE', 'tolerated')).toEqual(
      await list('ejcategory?flat=true')
    )
  }, 30_000)

  it('answers 404 problem details for an unknown list', async () => {
    const { app } = await demoApp()
    const res = await call(app, 'GET', '/api/v1/MDOList/contact')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND' })
    for (const name of mdoListNames) {
      expect(res.body.detail).toContain(name)
    }
  }, 30_000)

  it('answers 400 for a flat value that is not a boolean', async () => {
    const { app } = await demoApp()
    const res = await call(app, 'GET', '/api/v1/MDOList/ejcategory?flat=maybe', undefined, {
      breaksDocument: 'rejected',
    })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([expect.objectContaining({ path: '/query/flat' })])
  }, 30_000)

  it('answers 401 without or with wrong credentials', async () => {
    const { app } = await demoApp()
    const none = await call(app, 'GET', '/api/v1/MDOList/associate', undefined, { auth: null })
    expect(none.status).toBe(401)
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic realm=/)
    const wrong = await call(app, 'GET', '/api/v1/MDOList/associate', undefined, {
      auth: { username: 'anna', password: 'not-her-password' },
    })
    expect(wrong.status).toBe(401)
    const anna = await call(app, 'GET', '/api/v1/MDOList/associate', undefined, {
      auth: { username: 'anna', password: 'anna-demo-7421' },
    })
    expect(anna.status).toBe(200)
  }, 30_000)
})
