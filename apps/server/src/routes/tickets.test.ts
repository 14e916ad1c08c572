import { TicketEntity } from '@ticket/schema'
import { describe, expect, it } from 'vitest'
import { demoRefs } from '../test/demo-refs.ts'
import { createTestApp } from '../test/harness.ts'
import { referenceSample } from '../test/reference-sample.ts'
import { call } from '../test/requests.ts'

const sample = referenceSample()

async function demoApp(database: ':memory:' | 'file' = ':memory:') {
  const test = await createTestApp({ database, env: { TICKET_DEMO_DATA: '1' } })
  return { ...test, refs: await demoRefs(test.deps.store) }
}

describe('POST /api/v1/Ticket', () => {
  it('saves the reference page sample with demo ids; a GET returns it with every carrier filled', async () => {
    const { app, refs } = await demoApp('file')
    const [owner, other] = refs.associates.slice(1)
    const [person, second] = refs.persons
    const body = {
      ...sample,
      TicketId: 0,
      OwnedBy: { AssociateId: owner?.associateId },
      Category: { TicketCategoryId: refs.categories[0]?.ticketCategoryId },
      Priority: { TicketPriorityId: refs.priorities[1]?.ticketPriorityId },
      Status: { TicketStatusId: refs.statusOf('Active')?.ticketStatusId },
      Person: { PersonId: person?.personId },
      Sale: { SaleId: refs.sales[0]?.saleId },
      Project: { ProjectId: refs.projects[0]?.projectId },
      SecondaryPersons: [{ ...sample.SecondaryPersons[0], PersonId: second?.personId }],
      CreatedBy: { AssociateId: other?.associateId },
    }
    const saved = await call(app, 'POST', '/api/v1/Ticket', body)
    expect(saved.status, saved.text).toBe(200)
    const id = saved.body.TicketId
    expect(id).toBeGreaterThan(0)
    const read = await call(app, 'GET', `/api/v1/Ticket/${id}`)
    expect(read.status).toBe(200)
    const ticket = read.body
    for (const field of [
      'Title',
      'Author',
      'Slevel',
      'Origin',
      'ConnectId',
      'FromAddress',
      'Language',
      'OrigHumanCategoryId',
      'ExtraFields',
      'CustomFields',
    ]) {
      expect(ticket[field], field).toEqual(sample[field])
    }
    expect(Date.parse(ticket.Deadline)).toBe(Date.parse(sample.Deadline))
    expect(ticket.Deadline).toMatch(/Z$/)
    expect(ticket.OwnedBy).toMatchObject({
      AssociateId: owner?.associateId,
      FullName: owner?.fullName,
    })
    expect(ticket.Category.TicketCategoryId).toBe(refs.categories[0]?.ticketCategoryId)
    expect(ticket.Category.Name).toBe(refs.categories[0]?.name)
    expect(ticket.Priority.Name).toBe(refs.priorities[1]?.name)
    expect(ticket.Status.TicketStatusId).toBe(refs.statusOf('Active')?.ticketStatusId)
    expect(ticket.Person.PersonId).toBe(person?.personId)
    expect(ticket.Person.Firstname).toBe(person?.firstname)
    expect(ticket.Sale.SaleId).toBe(refs.sales[0]?.saleId)
    expect(ticket.Project.ProjectId).toBe(refs.projects[0]?.projectId)
    expect(ticket.SecondaryPersons.map((p: { PersonId: number }) => p.PersonId)).toEqual([
      second?.personId,
    ])
    expect(ticket.Tags).toHaveLength(1)
    expect(ticket.Tags[0]).toMatchObject({ Name: 'Schaden Inc and Sons' })
    // read-only fields were ignored on input and computed
    expect(ticket.CreatedBy.AssociateId).toBe(refs.associates[0]?.associateId)
    expect(ticket.CreatedAt).not.toBe(sample.CreatedAt)
    expect(ticket.NumMessages).toBe(0)
    expect(ticket.Messages).toEqual([])
    expect(ticket.TableRight).toEqual({ Mask: 'FULL', Reason: '' })
    expect(ticket._Links.Self).toMatch(new RegExp(`/api/v1/Ticket/${id}$`))
    expect(read.headers.get('etag')).toMatch(/^"1-[\w-]+"$/)
  })

  it('refuses to create a ticket without a Title, naming /Title, and saves nothing', async () => {
    const { app } = await demoApp()
    for (const body of [{}, { Titel: 'typo' }, { Title: '  ' }]) {
      const refused = await call(app, 'POST', '/api/v1/Ticket', body)
      expect(refused.status, refused.text).toBe(400)
      expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/Title' })])
    }
    const archive = await call(app, 'GET', '/api/v1/Ticket')
    expect(archive.status, archive.text).toBe(200)
    expect(JSON.stringify(archive.body)).not.toContain('"TicketId":1')
  })

  it('ignores unknown properties but names them in X-Ignored-Properties', async () => {
    const { app } = await demoApp()
    const saved = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'Named',
      Titel: 'typo',
      Priority: { Bogus: 1 },
    })
    expect(saved.status, saved.text).toBe(200)
    expect(saved.body.Title).toBe('Named')
    expect(saved.headers.get('x-ignored-properties')).toBe('/Titel, /Priority/Bogus')
    const clean = await call(app, 'POST', '/api/v1/Ticket', { title: 'case-insensitive' })
    expect(clean.status, clean.text).toBe(200)
    expect(clean.headers.get('x-ignored-properties')).toBeNull()
  })

  it('creates with defaults from reference data on a body with only a title', async () => {
    const { app, refs } = await demoApp()
    const saved = await call(app, 'POST', '/api/v1/Ticket', { Title: 'Only a title' })
    expect(saved.status, saved.text).toBe(200)
    const defaults = await call(app, 'GET', '/api/v1/Ticket/default')
    expect(defaults.body.TicketId).toBe(0)
    expect(saved.body.Priority.TicketPriorityId).toBe(defaults.body.Priority.TicketPriorityId)
    expect(saved.body.Category.TicketCategoryId).toBe(defaults.body.Category.TicketCategoryId)
    expect(saved.body.Status.TicketStatusId).toBe(defaults.body.Status.TicketStatusId)
    expect(saved.body.BaseStatus).toBe('Active')
    expect(saved.body.Author).toBe(refs.associates[0]?.fullName)
    expect(saved.body.OwnedBy).toBeNull()
  })

  it('updates an existing id in place and answers 404 for a missing one', async () => {
    const { app } = await demoApp()
    const created = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'First',
      Tags: [{ Name: 'first-tag' }],
    })
    const id = created.body.TicketId
    const updated = await call(app, 'POST', '/api/v1/Ticket', { TicketId: id, Title: 'Second' })
    expect(updated.status, updated.text).toBe(200)
    expect(updated.body.TicketId).toBe(id)
    expect(updated.body.Title).toBe('Second')
    expect(updated.body.Tags.map((t: { Name: string }) => t.Name)).toEqual(['first-tag'])
    expect(updated.body.CreatedAt).toBe(created.body.CreatedAt)
    const missing = await call(app, 'POST', '/api/v1/Ticket', { TicketId: 999999, Title: 'x' })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toContain('application/problem+json')
  })

  it('matches property names case-insensitively and accepts enum numbers', async () => {
    const { app } = await demoApp()
    const saved = await call(app, 'POST', '/api/v1/Ticket', {
      title: 'camel',
      slevel: 2,
      ORIGIN: 'Email',
      tags: [{ name: 'Alpha' }, { NAME: 'alpha' }],
    })
    expect(saved.status, saved.text).toBe(200)
    expect(saved.body).toMatchObject({ Title: 'camel', Slevel: 'External', Origin: 'Email' })
    expect(saved.body.Tags).toHaveLength(1)
  })

  it('keeps BaseStatus and Status consistent and maintains ClosedAt and Activate', async () => {
    const { app, refs } = await demoApp()
    const created = await call(app, 'POST', '/api/v1/Ticket', { Title: 'status' })
    const id = created.body.TicketId
    const closed = await call(app, 'POST', '/api/v1/Ticket', { TicketId: id, BaseStatus: 'Closed' })
    expect(closed.body.BaseStatus).toBe('Closed')
    expect(closed.body.Status.Status).toBe('Closed')
    expect(closed.body.ClosedAt).toMatch(/Z$/)
    const activeStatus = refs.statusOf('Active')?.ticketStatusId
    const reopened = await call(app, 'POST', '/api/v1/Ticket', {
      TicketId: id,
      BaseStatus: 'Closed',
      Status: { TicketStatusId: activeStatus },
    })
    expect(reopened.body.BaseStatus).toBe('Active')
    expect(reopened.body.ClosedAt).toBeNull()
    const postponed = await call(app, 'POST', '/api/v1/Ticket', {
      TicketId: id,
      BaseStatus: 'PostponedDay',
    })
    expect(postponed.body.BaseStatus).toBe('Postponed')
    expect(Date.parse(postponed.body.Activate) - Date.now()).toBeGreaterThan(23 * 3600_000)
    const noActivate = await call(app, 'POST', '/api/v1/Ticket', {
      TicketId: id,
      BaseStatus: 'Postponed',
      Activate: null,
    })
    expect(noActivate.status).toBe(400)
    expect(noActivate.body.errors[0].path).toBe('/Activate')
  })

  it('treats OwnedBy 0 as unassigned', async () => {
    const { app, refs } = await demoApp()
    const owner = refs.associates[1]?.associateId
    const created = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'o',
      OwnedBy: { AssociateId: owner },
    })
    expect(created.body.OwnedBy.AssociateId).toBe(owner)
    const cleared = await call(app, 'POST', '/api/v1/Ticket', {
      TicketId: created.body.TicketId,
      OwnedBy: { AssociateId: 0 },
    })
    expect(cleared.body.OwnedBy).toBeNull()
  })

  it('reports every caller right and field property', async () => {
    const { app } = await demoApp()
    const saved = await call(app, 'POST', '/api/v1/Ticket', { Title: 'rights' })
    const fields = saved.body.FieldProperties
    expect(Object.keys(saved.body)[0]).toBe('TableRight')
    expect(fields.Title).toEqual({
      FieldRight: { Mask: 'Update, UIHintMandatory', Reason: '' },
      FieldType: 'System.String',
      FieldLength: 255,
    })
    expect(fields.CreatedAt.FieldRight.Mask).toContain('UIHintReadOnly')
    expect(fields.OwnedBy.FieldType).toBe('SuperOffice.CRM.Services.Associate')
    expect(Object.keys(fields)).toEqual(Object.keys(TicketEntity.properties))
    expect(Object.keys(saved.body).sort()).toEqual(Object.keys(TicketEntity.properties).sort())
  })
})

describe('GET, $select, default and DELETE', () => {
  it('nulls unselected properties and deletes with 204 then 404', async () => {
    const { app } = await demoApp()
    const saved = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'selected',
      Tags: [{ Name: 't' }],
    })
    const id = saved.body.TicketId
    const selected = await call(app, 'GET', `/api/v1/Ticket/${id}?$select=title,category`)
    expect(selected.body.Title).toBe('selected')
    expect(selected.body.Category).not.toBeNull()
    expect(selected.body.Tags).toBeNull()
    expect(selected.body.Priority).toBeNull()
    expect((await call(app, 'DELETE', `/api/v1/Ticket/${id}`)).status).toBe(204)
    expect((await call(app, 'GET', `/api/v1/Ticket/${id}`)).status).toBe(404)
    expect((await call(app, 'DELETE', `/api/v1/Ticket/${id}`)).status).toBe(404)
  })

  it('PUT saves with the route id and refuses a missing body', async () => {
    const { app } = await demoApp()
    const saved = await call(app, 'POST', '/api/v1/Ticket', { Title: 'put' })
    const id = saved.body.TicketId
    const put = await call(app, 'PUT', `/api/v1/Ticket/${id}`, { Title: 'put again' })
    expect(put.body).toMatchObject({ TicketId: id, Title: 'put again' })
    expect(
      (await call(app, 'PUT', `/api/v1/Ticket/${id}`, '', { breaksDocument: 'rejected' })).status
    ).toBe(400)
    expect((await call(app, 'PUT', '/api/v1/Ticket/999999', { Title: 'x' })).status).toBe(404)
  })
})
