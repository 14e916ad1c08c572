import { describe, expect, it } from 'vitest'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'

/** Every absolute URL anywhere in a JSON value. */
function linksIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && /^https?:\/\//.test(value)) {
    out.push(value)
  } else if (Array.isArray(value)) {
    for (const item of value) {
      linksIn(item, out)
    }
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) {
      linksIn(item, out)
    }
  }
  return out
}

describe('links in responses', () => {
  it('every link in every ticket response is served', async () => {
    const { app } = await createTestApp({ env: { TICKET_DEMO_DATA: '1' } })
    const first = await call(app, 'POST', '/api/v1/Ticket', { Title: 'Link one' })
    await call(app, 'POST', '/api/v1/Ticket', { Title: 'Link two' })
    const id = first.body.TicketId
    const responses = [
      first,
      await call(app, 'GET', '/api/v1/Ticket/default'),
      await call(app, 'GET', `/api/v1/Ticket/${id}`),
      await call(app, 'GET', `/api/v1/Ticket/${id}/Simple`),
      await call(
        app,
        'PATCH',
        `/api/v1/Ticket/${id}`,
        [{ op: 'replace', path: 'Title', value: 'Linked' }],
        {
          headers: { 'content-type': 'application/json-patch+json' },
        }
      ),
      await call(app, 'GET', '/api/v1/Ticket?$top=1&$mode=Full'),
      await call(app, 'POST', '/api/v1/Agents/Ticket/GetTicketEntity?ticketEntityId=1', ''),
    ]
    const links = new Set(responses.flatMap((res) => linksIn(res.body)))
    expect(links.size).toBeGreaterThanOrEqual(3)
    for (const link of links) {
      const url = new URL(link)
      const res = await call(app, 'GET', `${url.pathname}${url.search}`)
      expect(res.status, `${link}: ${res.text.slice(0, 200)}`).toBe(200)
    }
    const single = await call(app, 'GET', `/api/v1/Ticket/${id}`)
    const archive = await call(app, 'GET', new URL(single.body._Links.Archive).pathname)
    expect(archive.body.value.map((r: { PrimaryKey: number }) => r.PrimaryKey)).toContain(id)
  })
})

describe('GET /api/v1/Ticket/{id}/Simple', () => {
  it('answers the flat Ticket carrier, 404 when missing or deleted', async () => {
    const { app } = await createTestApp({ env: { TICKET_DEMO_DATA: '1' } })
    const saved = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'Flat',
      OwnedBy: { AssociateId: 0 },
    })
    const flat = await call(app, 'GET', `/api/v1/Ticket/${saved.body.TicketId}/Simple`)
    expect(flat.status, flat.text).toBe(200)
    expect(flat.body).toMatchObject({
      TicketId: saved.body.TicketId,
      Title: 'Flat',
      OwnedBy: 1,
      BaseStatus: saved.body.BaseStatus,
      Category: saved.body.Category?.TicketCategoryId ?? 0,
    })
    expect(flat.body).not.toHaveProperty('Messages')
    const xml = await call(app, 'GET', `/api/v1/Ticket/${saved.body.TicketId}/Simple`, undefined, {
      headers: { accept: 'application/xml' },
    })
    expect(xml.text).toContain('<Ticket ')
    await call(app, 'DELETE', `/api/v1/Ticket/${saved.body.TicketId}`)
    expect((await call(app, 'GET', `/api/v1/Ticket/${saved.body.TicketId}/Simple`)).status).toBe(
      404
    )
    expect((await call(app, 'GET', '/api/v1/Ticket/999999/Simple')).status).toBe(404)
  })
})

describe('POST /api/v1/Agents/CustomerService/FindTicketsByTitleOrId', () => {
  it('finds by words (ranked) and by id, as SuperOffice’s client calls it', async () => {
    const { app } = await createTestApp({ env: { TICKET_DEMO_DATA: '1' } })
    const ids: number[] = []
    for (const Title of ['Printer on fire', 'printer jams', 'Invoice wrong']) {
      ids.push((await call(app, 'POST', '/api/v1/Ticket', { Title })).body.TicketId)
    }
    const find = (body: unknown) =>
      call(app, 'POST', '/api/v1/Agents/CustomerService/FindTicketsByTitleOrId', body)
    const printers = await find({ titleOrId: 'printer', maxRows: 10 })
    expect(printers.status, printers.text).toBe(200)
    expect(printers.body.map((t: { TicketId: number }) => t.TicketId)).toEqual([ids[1], ids[0]])
    expect(printers.body[0]).toMatchObject({ Title: 'printer jams', MailboxId: 0 })
    const byId = await find({ TitleOrId: String(ids[2]), MaxRows: 5 })
    expect(byId.body.map((t: { TicketId: number }) => t.TicketId)).toEqual([ids[2]])
    const url = new URL(byId.body[0].TicketUrl)
    expect((await call(app, 'GET', url.pathname)).status).toBe(200)
    expect((await find({ TitleOrId: 'printer', MaxRows: 1 })).body).toHaveLength(1)
    expect((await find({ TitleOrId: '!!!', MaxRows: 5 })).body).toEqual([])
    expect((await find({ TitleOrId: 'printer', MaxRows: 9999 })).status).toBe(400)
  })
})
