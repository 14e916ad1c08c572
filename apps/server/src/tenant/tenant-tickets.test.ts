import { describe, expect, it } from 'vitest'
import type { App } from '../app.ts'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'
import { demoTenant } from '../test/tenant/tenant-fixtures.ts'
import { importTenant } from './import-tenant.ts'

/** The id of the only item of an MDO list query, as a client would pick it. */
async function pick(app: App, list: string, query: string): Promise<number> {
  const res = await call(app, 'GET', `/api/v1/MDOList/${list}?query=${encodeURIComponent(query)}`)
  expect(res.body, `${list} ${query}`).toHaveLength(1)
  return res.body[0].Id
}

describe('tickets over the demo tenant', () => {
  it('starts a new ticket from the tenant defaults', async () => {
    const { app } = await createTestApp({ env: { TICKET_DEMO_DATA: '1' } })
    const res = await call(app, 'GET', '/api/v1/Ticket/default')
    expect(res.status, res.text).toBe(200)
    expect(res.body.Priority).toMatchObject({ Name: 'NO:"Normal";US:"Medium"', Flags: 'Default' })
    expect(res.body.Status).toMatchObject({ Name: 'Open', Status: 'Active', IsDefault: true })
    expect(res.body.Category).toMatchObject({
      Name: 'Support',
      DelegateMethod: 'Even',
      DefaultTicketStatus: { Name: 'Open', Status: 'Active' },
    })
    expect(res.body.TicketType).toMatchObject({
      Name: 'NO:"Henvendelse";US:"Request"',
      IsDefault: true,
    })
  }, 30_000)

  it('saves a ticket with ids picked from MDO lists; a tenant re-import keeps every reference', async () => {
    const { app, deps } = await createTestApp({ database: 'file', env: { TICKET_DEMO_DATA: '1' } })
    const body = {
      Title: 'Paper jam on the second floor',
      Category: { TicketCategoryId: await pick(app, 'ejcategory', 'printers') },
      Priority: { TicketPriorityId: await pick(app, 'ticketpriority', 'high') },
      Person: { PersonId: await pick(app, 'person_new', 'ole nordmann') },
      Sale: { SaleId: await pick(app, 'sale', 'printer fleet') },
      Project: { ProjectId: await pick(app, 'project', 'web shop') },
      TicketType: { TicketTypeId: await pick(app, 'tickettype', 'bug report') },
      OwnedBy: { AssociateId: await pick(app, 'associate', 'fredrik') },
    }
    const saved = await call(app, 'POST', '/api/v1/Ticket', body)
    expect(saved.status, saved.text).toBe(200)
    const id = saved.body.TicketId

    const counts = await importTenant(deps.store, demoTenant(), { now: deps.now })
    expect(counts.Categories).toEqual({ created: 0, updated: 0, unchanged: 4 })

    const read = await call(app, 'GET', `/api/v1/Ticket/${id}`)
    expect(read.status, read.text).toBe(200)
    expect(read.body).toMatchObject({
      Category: { TicketCategoryId: body.Category.TicketCategoryId, Fullname: 'Support/Printers' },
      Priority: { Name: 'NO:"Høy";US:"High"' },
      Person: { Firstname: 'Ole', ContactName: 'Nordvik kommune' },
      Sale: { Title: 'Printer fleet upgrade' },
      Project: { Name: 'Web shop launch', ProjectNumber: 'P-1002' },
      TicketType: { TicketTypeId: body.TicketType.TicketTypeId },
      OwnedBy: { AssociateId: body.OwnedBy.AssociateId, FullName: 'Fredrik Nilsen' },
    })
  }, 30_000)
})
