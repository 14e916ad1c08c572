import { describe, expect, it } from 'vitest'
import { demoRefs } from '../test/demo-refs.ts'
import { createTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { call } from '../test/requests.ts'

describe.each(['sqlite', 'pg'] as const)('an update that is not a full save, on %s', (dialect) => {
  it('answers the ticket a read returns next, though it reads nothing after writing', async () => {
    const database = dialect === 'pg' ? await createTestDatabase() : undefined
    const { app, deps, close } = await createTestApp({
      database: database?.url ?? 'file',
      env: { TICKET_DEMO_DATA: '1' },
    })
    try {
      const refs = await demoRefs(deps.store)
      const created = await call(app, 'POST', '/api/v1/Ticket', {
        Title: 'read status',
        Category: { TicketCategoryId: refs.categories[0]?.ticketCategoryId },
        Person: { PersonId: refs.persons[0]?.personId },
        SecondaryPersons: [{ PersonId: refs.persons[1]?.personId }],
        Tags: [{ Name: 'printer' }],
        Deadline: '2030-01-02T03:04:05.000Z',
        CustomFields: { note: 'kept' },
      })
      expect(created.status, created.text).toBe(200)
      const id = created.body.TicketId as number
      const message = await call(app, 'POST', '/api/v1/TicketMessage', { TicketId: id, Body: 'hi' })
      expect(message.status, message.text).toBe(200)
      for (const readStatus of ['Red', 'Green', 'Yellow']) {
        const answer = await call(
          app,
          'POST',
          `/api/v1/Ticket/${id}/ReadByOwner?readStatus=${readStatus}`
        )
        expect(answer.status, answer.text).toBe(200)
        expect(answer.body.ReadStatus).toBe(readStatus)
        // A GET adds its links; everything else is the same.
        const { _Links, ...read } = (await call(app, 'GET', `/api/v1/Ticket/${id}`)).body
        expect(answer.body).toEqual(read)
      }
    } finally {
      await close()
      await database?.drop()
    }
  })
})
