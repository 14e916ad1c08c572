import { describe, expect, it } from 'vitest'
import { demoRefs } from '../test/demo-refs.ts'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'

async function ticketApp() {
  const test = await createTestApp({ env: { TICKET_DEMO_DATA: '1' } })
  const created = await call(test.app, 'POST', '/api/v1/Ticket', {
    Title: 'patch me',
    Tags: [{ Name: 'a' }],
  })
  return { ...test, refs: await demoRefs(test.deps.store), id: created.body.TicketId as number }
}

const patch = (type: string) => ({ headers: { 'content-type': type } })

describe('PATCH /api/v1/Ticket/{id}', () => {
  it('applies JSON Patch with case-insensitive paths and an optional leading slash', async () => {
    const { app, id, refs } = await ticketApp()
    const res = await call(
      app,
      'PATCH',
      `/api/v1/Ticket/${id}`,
      [
        { op: 'test', path: 'title', value: 'patch me' },
        { op: 'replace', path: '/TITLE', value: 'patched' },
        {
          op: 'replace',
          path: '/ownedby',
          value: { AssociateId: refs.associates[1]?.associateId },
        },
        { op: 'add', path: '/Tags/-', value: { Name: 'b' } },
      ],
      patch('application/json-patch+json')
    )
    expect(res.status, res.text).toBe(200)
    expect(res.body.Title).toBe('patched')
    expect(res.body.OwnedBy.AssociateId).toBe(refs.associates[1]?.associateId)
    expect(res.body.Tags.map((t: { Name: string }) => t.Name)).toEqual(['a', 'b'])
    expect(res.body._Links.Self).toContain(`/Ticket/${id}`)
  })

  it('answers 409 on a failed test and changes nothing', async () => {
    const { app, id } = await ticketApp()
    const res = await call(
      app,
      'PATCH',
      `/api/v1/Ticket/${id}`,
      [
        { op: 'test', path: '/Title', value: 'something else' },
        { op: 'replace', path: '/Title', value: 'never' },
      ],
      patch('application/json-patch+json')
    )
    expect(res.status).toBe(409)
    expect((await call(app, 'GET', `/api/v1/Ticket/${id}`)).body.Title).toBe('patch me')
  })

  it('converts a merge patch, and refuses move/copy and unknown ids', async () => {
    const { app, id } = await ticketApp()
    const merged = await call(
      app,
      'PATCH',
      `/api/v1/Ticket/${id}`,
      { title: 'merged', CustomFields: { x_color: 'red' } },
      patch('application/merge-patch+json')
    )
    expect(merged.status, merged.text).toBe(200)
    expect(merged.body.Title).toBe('merged')
    expect(merged.body.CustomFields).toEqual({ x_color: 'red' })
    const move = await call(
      app,
      'PATCH',
      `/api/v1/Ticket/${id}`,
      [{ op: 'move', from: '/Title', path: '/Author' }],
      { ...patch('application/json-patch+json'), breaksDocument: 'rejected' }
    )
    expect(move.status).toBe(400)
    const missing = await call(
      app,
      'PATCH',
      '/api/v1/Ticket/999999',
      [],
      patch('application/json-patch+json')
    )
    expect(missing.status).toBe(404)
  })

  it('answers 412 on a stale If-Match', async () => {
    const { app, id } = await ticketApp()
    const res = await call(
      app,
      'PATCH',
      `/api/v1/Ticket/${id}`,
      [{ op: 'replace', path: '/Title', value: 'late' }],
      { headers: { 'content-type': 'application/json-patch+json', 'if-match': '"7"' } }
    )
    expect(res.status).toBe(412)
  })

  it('applies a patch posted to /Ticket to the default entity, then saves', async () => {
    const { app } = await ticketApp()
    const res = await call(
      app,
      'POST',
      '/api/v1/Ticket',
      [{ op: 'replace', path: '/Title', value: 'from a patch' }],
      patch('application/json-patch+json')
    )
    expect(res.status, res.text).toBe(200)
    expect(res.body.TicketId).toBeGreaterThan(0)
    expect(res.body.Title).toBe('from a patch')
  })
})
