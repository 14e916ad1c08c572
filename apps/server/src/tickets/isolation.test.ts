import { describe, expect, it } from 'vitest'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'

describe('read isolation on an SQLite file', () => {
  it('a read during another request’s open transaction sees only committed data', async () => {
    const { app, deps } = await createTestApp({ database: 'file' })
    const created = await call(app, 'POST', '/api/v1/Ticket', { Title: 'before' })
    const id = created.body.TicketId
    let release = () => {}
    const paused = new Promise<void>((resolve) => {
      release = resolve
    })
    let entered = () => {}
    const inside = new Promise<void>((resolve) => {
      entered = resolve
    })
    // A module that holds the save transaction open, as a slow outbox write would.
    deps.modules.push({
      name: 'hold-open',
      inTransaction: async () => {
        entered()
        await paused
      },
    })
    const saving = call(app, 'PUT', `/api/v1/Ticket/${id}`, { Title: 'after' })
    await inside
    const during = await call(app, 'GET', `/api/v1/Ticket/${id}`)
    expect(during.body.Title).toBe('before')
    release()
    expect((await saving).status).toBe(200)
    expect((await call(app, 'GET', `/api/v1/Ticket/${id}`)).body.Title).toBe('after')
  })
})
