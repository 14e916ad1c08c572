import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { demoRefs } from '../test/demo-refs.ts'
import { createTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { call } from '../test/requests.ts'

let database: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.drop())

describe('the ticket resource on PostgreSQL', () => {
  it('saves, reads, updates, rolls back bad input and deletes, as on SQLite', async () => {
    const { app, deps } = await createTestApp({
      database: database.url,
      env: { TICKET_DEMO_DATA: '1' },
    })
    expect(deps.store.dialect).toBe('pg')
    const refs = await demoRefs(deps.store)
    const created = await call(app, 'POST', '/api/v1/Ticket', {
      Title: 'På PostgreSQL',
      OwnedBy: { AssociateId: refs.associates[1]?.associateId },
      Person: { PersonId: refs.persons[0]?.personId },
      Tags: [{ Name: 'pg' }, { Name: 'PG' }],
      CustomFields: { x_region: 'north' },
      Deadline: '2031-02-03T04:05:06.000Z',
    })
    expect(created.status, created.text).toBe(200)
    const id = created.body.TicketId
    const read = await call(app, 'GET', `/api/v1/Ticket/${id}`)
    expect(read.body).toMatchObject({
      Title: 'På PostgreSQL',
      CustomFields: { x_region: 'north' },
      Deadline: '2031-02-03T04:05:06.000Z',
    })
    expect(read.body.Tags).toHaveLength(1)
    expect(read.body.OwnedBy.AssociateId).toBe(refs.associates[1]?.associateId)
    const bad = await call(app, 'POST', '/api/v1/Ticket', {
      TicketId: id,
      Title: 'must not stick',
      Tags: [{ Name: 'never-created' }],
      Category: { TicketCategoryId: 424242 },
    })
    expect(bad.status).toBe(400)
    const after = await call(app, 'GET', `/api/v1/Ticket/${id}`)
    expect(after.body.Title).toBe('På PostgreSQL')
    const tags = await deps.store.db.select().from(tablesOf(deps.store.db).tags)
    expect(tags.some((t) => t.nameKey === 'never-created')).toBe(false)
    expect((await call(app, 'DELETE', `/api/v1/Ticket/${id}`)).status).toBe(204)
    expect((await call(app, 'GET', `/api/v1/Ticket/${id}`)).status).toBe(404)
  })

  it('survives concurrent saves that create the same new tag', async () => {
    const { app } = await createTestApp({ database: database.url })
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(app, 'POST', '/api/v1/Ticket', { Title: `race ${i}`, Tags: [{ Name: 'Raced-Tag' }] })
      )
    )
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200))
    const tagIds = new Set(results.map((r) => r.body.Tags[0].Id))
    expect(tagIds.size).toBe(1)
  }, 30_000)
})
