import type { TicketEntity } from '@ticket/schema'
import { describe, expect, it } from 'vitest'
import { serviceModules } from '../modules/index.ts'
import { createTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { call } from '../test/requests.ts'

describe.each(['sqlite', 'pg'] as const)(
  'messages saved at once to one ticket on %s',
  (dialect) => {
    it('are all counted and all listed in the ticket, and each change counts those before it', async () => {
      const database = dialect === 'pg' ? await createTestDatabase() : undefined
      // What each message's change hands the modules: the ticket after it, and the message.
      const changes: { after: TicketEntity; messageId: number }[] = []
      const recorder = () => ({
        name: 'recorder',
        afterCommit: (change: {
          after?: TicketEntity
          message?: { after: { TicketMessageId: number } }
        }) => {
          if (change.after && change.message) {
            changes.push({ after: change.after, messageId: change.message.after.TicketMessageId })
          }
        },
      })
      const { app, close } = await createTestApp({
        database: database?.url ?? ':memory:',
        modules: [...serviceModules, recorder],
      })
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
        // Each change's ticket counts every message committed up to it, itself last; it is
        // about its own message and lists none (reading them all made a long ticket slow).
        const mine = changes.filter((change) => change.after.TicketId === TicketId)
        expect(mine.map((change) => change.after.NumMessages).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 12 }, (_, i) => i + 1)
        )
        for (const change of mine) {
          expect(change.after.Messages).toEqual([])
        }
        const byCount = [...mine].sort((a, b) => a.after.NumMessages - b.after.NumMessages)
        expect(byCount.map((change) => change.messageId)).toEqual(
          ticket.body.Messages.map((m: { TicketMessageId: number }) => m.TicketMessageId)
        )
      } finally {
        await close()
        await database?.drop()
      }
    })
  }
)
