import type { TicketHistoryEntry } from '@ticket/schema'
import { describe, expect, it } from 'vitest'
import { demoRefs } from '../test/demo-refs.ts'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'

describe("a ticket's history", () => {
  it('names each person by its PersonId, not by the AssociateId a person carries', async () => {
    const { app, deps } = await createTestApp({ env: { TICKET_DEMO_DATA: '1' } })
    try {
      const persons = (await demoRefs(deps.store)).persons.filter(
        (p) => p.personId > 0 && p.associateId !== null && p.associateId !== p.personId
      )
      const [person, secondary] = persons
      expect(person && secondary, 'two demo persons with an associate of another id').toBeTruthy()
      const created = await call(app, 'POST', '/api/v1/Ticket', {
        Title: 'Printer',
        Person: { PersonId: person?.personId },
        SecondaryPersons: [{ PersonId: secondary?.personId }],
      })
      expect(created.status, created.text).toBe(200)
      expect(created.body.Person.AssociateId).toBe(person?.associateId)
      const history = await call(app, 'GET', `/api/v1/Ticket/${created.body.TicketId}/History`)
      const [creation] = history.body as TicketHistoryEntry[]
      expect(creation?.Changes).toEqual(
        expect.arrayContaining([
          { Field: 'Person', From: null, To: String(person?.personId) },
          { Field: 'SecondaryPersons', From: null, To: String(secondary?.personId) },
        ])
      )
    } finally {
      await deps.shutdown()
    }
  })
})
