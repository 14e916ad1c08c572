import { describe, expect, it } from 'vitest'
import { demoRefs } from '../test/demo-refs.ts'
import { createTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { call } from '../test/requests.ts'
import type { TicketChange } from '../tickets/ticket-change.ts'

describe.each(['sqlite', 'pg'] as const)('POST /api/v1/Ticket/Merge on %s', (dialect) => {
  it('moves messages, tags and persons to the primary in one transaction; secondaries end merged', async () => {
    const database = dialect === 'pg' ? await createTestDatabase() : undefined
    const { app, deps } = await createTestApp({
      database: database?.url ?? ':memory:',
      env: { TICKET_DEMO_DATA: '1' },
    })
    try {
      const refs = await demoRefs(deps.store)
      const [p0, p1, p2, p3] = refs.persons.map((p) => p.personId)
      const save = async (body: Record<string, unknown>) => {
        const res = await call(app, 'POST', '/api/v1/Ticket', body)
        expect(res.status, res.text).toBe(200)
        return res.body.TicketId as number
      }
      const primary = await save({
        Title: 'Printer',
        Person: { PersonId: p0 },
        Tags: [{ Name: 'a' }],
      })
      const second = await save({
        Title: 'Printer again',
        Person: { PersonId: p1 },
        SecondaryPersons: [{ PersonId: p2 }, { PersonId: p0 }],
        Tags: [{ Name: 'b' }, { Name: 'a' }],
      })
      const third = await save({ Title: 'Still the printer', Person: { PersonId: p3 } })
      for (const [TicketId, Body] of [
        [second, 'smoke from the tray'],
        [third, 'it beeps'],
        [primary, 'first report'],
      ] as const) {
        const res = await call(app, 'POST', '/api/v1/TicketMessage', { TicketId, Body })
        expect(res.status, res.text).toBe(200)
      }
      const committed: TicketChange[] = []
      deps.modules.push({ name: 'watch', afterCommit: (change) => committed.push(change) })

      const refused = await call(
        app,
        'POST',
        `/api/v1/Ticket/Merge?secondaryTicketIds=${second},999999`,
        {
          TicketId: primary,
        }
      )
      expect(refused.status).toBe(404)
      expect((await call(app, 'GET', `/api/v1/Ticket/${second}`)).body.BaseStatus).toBe('Active')
      expect(committed).toEqual([])

      const merged = await call(
        app,
        'POST',
        `/api/v1/Ticket/Merge?secondaryTicketIds=${second}&secondaryTicketIds=${third}`,
        { TicketId: primary },
        // The parameter repeated, as its description allows: the document types it as one string.
        { breaksDocument: 'tolerated' }
      )
      expect(merged.status, merged.text).toBe(200)
      expect(merged.body.TicketId).toBe(primary)
      expect(merged.body.Tags.map((t: { Name: string }) => t.Name).sort()).toEqual(['a', 'b'])
      expect(
        merged.body.SecondaryPersons.map((p: { PersonId: number }) => p.PersonId).sort()
      ).toEqual([p1, p2, p3].sort())
      expect(merged.body.NumMessages).toBe(3)
      const messages = await call(app, 'GET', `/api/v1/Ticket/${primary}/Messages`)
      expect(messages.status, messages.text).toBe(200)
      expect(JSON.stringify(messages.body)).toContain('smoke from the tray')
      for (const id of [second, third]) {
        const secondary = await call(app, 'GET', `/api/v1/Ticket/${id}`)
        expect(secondary.status).toBe(200)
        expect(secondary.body).toMatchObject({
          BaseStatus: 'Merged',
          ConnectId: primary,
          NumMessages: 0,
        })
        const history = await call(app, 'GET', `/api/v1/Ticket/${id}/History`)
        expect(history.status, history.text).toBe(200)
        expect(JSON.stringify(history.body)).toContain('Merged')
      }
      expect(committed.map((c) => c.ticketId)).toEqual([second, third, primary])
      const found = await call(
        app,
        'GET',
        `/api/v1/Ticket?$filter=${encodeURIComponent("search eq 'beeps'")}`
      )
      expect(found.body.value.map((r: { PrimaryKey: number }) => r.PrimaryKey)).toEqual([primary])
      const self = await call(app, 'POST', `/api/v1/Ticket/Merge?secondaryTicketIds=${primary}`, {
        TicketId: primary,
      })
      expect(self.status).toBe(400)
      expect(
        (
          await call(
            app,
            'POST',
            '/api/v1/Ticket/Merge',
            { TicketId: primary },
            { breaksDocument: 'rejected' }
          )
        ).status
      ).toBe(400)
    } finally {
      await deps.shutdown()
      await database?.drop()
    }
  })
})
