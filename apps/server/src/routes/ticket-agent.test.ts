import { describe, expect, it } from 'vitest'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'

const agent = (method: string) => `/api/v1/Agents/Ticket/${method}`

describe('the Ticket agent (SuperOffice client conventions)', () => {
  it('creates a default, saves camelCase, and reads PascalCase back', async () => {
    const { app } = await createTestApp({ env: { TICKET_DEMO_DATA: '1' } })
    const fresh = await call(app, 'POST', agent('CreateDefaultTicketEntity'), 'null')
    expect(fresh.status).toBe(200)
    expect(fresh.body.TicketId).toBe(0)
    const saved = await call(app, 'POST', agent('SaveTicketEntity'), {
      ticketId: 0,
      title: 'Agent ✓ ünïcode',
      slevel: 'External',
      person: null,
      tags: [{ name: 'agent' }],
      deadline: '2031-02-03T04:05:06.000Z',
      tableRight: null,
      fieldProperties: {},
      createdAt: '2000-01-01T00:00:00.000Z',
    })
    expect(saved.status, saved.text).toBe(200)
    expect(saved.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const id = saved.body.TicketId
    // Method and parameter names are read case-insensitively; the document spells them one way.
    const read = await call(
      app,
      'POST',
      `${agent('getticketentity')}?TicketEntityId=${id}`,
      'null',
      { breaksDocument: 'tolerated' }
    )
    expect(read.body).toMatchObject({
      TicketId: id,
      Title: 'Agent ✓ ünïcode',
      Slevel: 'External',
      Person: null,
      Deadline: '2031-02-03T04:05:06.000Z',
    })
    expect(read.body.Tags.map((t: { Name: string }) => t.Name)).toEqual(['agent'])
    const titleOnly = await call(app, 'POST', agent('SaveTicketEntity'), {
      ...read.body,
      Title: 'renamed',
    })
    expect(titleOnly.body.Tags.map((t: { Name: string }) => t.Name)).toEqual(['agent'])
  })

  it('saves with notify, lists, and answers null for a missing ticket', async () => {
    const { app } = await createTestApp({ env: { TICKET_DEMO_DATA: '1' } })
    const saved = await call(app, 'POST', agent('SaveTicketEntityWithNotify'), {
      newEntity: { title: 'with notify' },
      notify: true,
    })
    expect(saved.status, saved.text).toBe(200)
    const id = saved.body.TicketId
    const flat = await call(app, 'POST', `${agent('GetTicket')}?ticketId=${id}`, 'null')
    expect(flat.body).toMatchObject({ TicketId: id, Title: 'with notify' })
    const list = await call(app, 'POST', agent('GetTickets'), { ticketIds: [id, 987654] })
    expect(list.body.map((t: { TicketId: number }) => t.TicketId)).toEqual([id])
    const missing = await call(
      app,
      'POST',
      `${agent('GetTicketEntity')}?ticketEntityId=987654`,
      'null'
    )
    expect(missing.status).toBe(200)
    expect(missing.text).toBe('null')
    const missingFlat = await call(app, 'POST', `${agent('GetTicket')}?ticketId=987654`, '')
    expect(missingFlat.text).toBe('null')
    const deleted = await call(app, 'POST', agent('DeleteTicketEntity'), { ticketEntityId: id })
    expect(deleted.status).toBe(204)
    const gone = await call(app, 'POST', `${agent('GetTicketEntity')}?ticketEntityId=${id}`, 'null')
    expect(gone.text).toBe('null')
  })

  it('answers an unknown method with 404 and a bad body with 400', async () => {
    const { app } = await createTestApp()
    const rejected = { breaksDocument: 'rejected' } as const
    expect((await call(app, 'POST', agent('Teleport'), 'null', rejected)).status).toBe(404)
    const bad = await call(
      app,
      'POST',
      agent('SaveTicketEntityWithNotify'),
      { newEntity: { title: 5 } },
      rejected
    )
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].path).toBe('/NewEntity/Title')
  })
})
