import { describe, expect, it } from 'vitest'
import { createTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { call } from '../test/requests.ts'

describe.each(['sqlite', 'pg'] as const)(
  'messages saved at once to one ticket on %s',
  (dialect) => {
    it('are all counted and all listed', async () => {
      const database = dialect === 'pg' ? await createTestDatabase() : undefined
      const { app, close } = await createTestApp({ database: database?.url ?? ':memory:' })
      try {
        const created = await call(app, 'POST', '/api/v1/Ticket', { Title: 'Printer jams' })
        expect(created.status, created.text).toBe(200)
        const TicketId = created.body.TicketId as number
        const saved = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            call(app, 'POST', '/api/v1/TicketMessage', { TicketId, Body: `message ${i}` })
          )
        )
        expect(saved.map((r) => r.status)).toEqual(Array(12).fill(200))
        const ticket = await call(app, 'GET', `/api/v1/Ticket/${TicketId}`)
        expect(ticket.body.Messages).toHaveLength(12)
        // Each save counted every message committed before it: none overwrote another's count.
        expect(ticket.body.NumMessages).toBe(12)
      } finally {
        await close()
        await database?.drop()
      }
    })
  }
)
