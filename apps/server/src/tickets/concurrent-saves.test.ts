import { describe, expect, it } from 'vitest'
import { createTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { call } from '../test/requests.ts'

describe.each(['sqlite', 'pg'] as const)('saves of one ticket at once on %s', (dialect) => {
  it('based on one revision: one succeeds, the others are refused, and revisions never repeat', async () => {
    const database = dialect === 'pg' ? await createTestDatabase() : undefined
    const { app, close } = await createTestApp({ database: database?.url ?? ':memory:' })
    try {
      const created = await call(app, 'POST', '/api/v1/Ticket', { Title: 'Printer jams' })
      expect(created.status, created.text).toBe(200)
      const id = created.body.TicketId as number
      const etag = (await call(app, 'GET', `/api/v1/Ticket/${id}`)).headers.get('etag') ?? ''
      expect(etag).not.toBe('')
      const saves = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          call(
            app,
            'PUT',
            `/api/v1/Ticket/${id}`,
            { Title: `Printer jams ${i}` },
            { headers: { 'if-match': etag } }
          )
        )
      )
      expect(saves.map((r) => r.status).sort()).toEqual([200, ...Array(7).fill(412)])
      const ticket = await call(app, 'GET', `/api/v1/Ticket/${id}`)
      expect(ticket.body.Title).toBe(saves.find((r) => r.status === 200)?.body.Title)
    } finally {
      await close()
      await database?.drop()
    }
  })
})
