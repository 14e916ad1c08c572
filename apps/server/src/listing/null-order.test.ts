import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../app.ts'
import { openTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { call } from '../test/requests.ts'

let pgDatabase: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  pgDatabase = await createTestDatabase()
})
afterAll(() => pgDatabase.drop())

describe.each(['sqlite', 'pg'] as const)('paging over a nullable sort column on %s', (dialect) => {
  let app: App
  let close: () => Promise<void>
  // Ticket id → deadline: one in four has none, the others share four days, so NULLs and ties
  // both straddle page boundaries.
  const deadlines = new Map<number, string | null>()

  beforeAll(async () => {
    const opened = await openTestApp({
      database: dialect === 'pg' ? pgDatabase.url : ':memory:',
      env: { TICKET_DEMO_DATA: '1' },
    })
    app = opened.app
    close = opened.close
    for (let i = 0; i < 22; i++) {
      const deadline = i % 4 === 1 ? null : `2030-01-0${((i * 7) % 4) + 1}T12:00:00Z`
      const res = await call(app, 'POST', '/api/v1/Ticket', {
        Title: `nullpage ${i}`,
        ...(deadline ? { Deadline: deadline } : {}),
      })
      expect(res.status, res.text).toBe(200)
      deadlines.set(res.body.TicketId, deadline)
    }
  })
  afterAll(() => close())

  /** Every page from the first by odata.nextLink: the PrimaryKeys in order. */
  const allPages = async (orderBy: string) => {
    const seen: number[] = []
    let next: string | null =
      `/api/v1/Ticket?$select=deadline&$filter=${encodeURIComponent("title startswith 'nullpage'")}&$orderBy=${encodeURIComponent(orderBy)}&$top=3`
    while (next) {
      const res = await call(app, 'GET', next.replace(/^https?:\/\/[^/]+/, ''))
      expect(res.status, res.text).toBe(200)
      expect(res.body.value.length).toBeLessThanOrEqual(3)
      seen.push(...res.body.value.map((r: { PrimaryKey: number }) => r.PrimaryKey))
      next = res.body['odata.nextLink']
    }
    return seen
  }

  // NULL is the smallest deadline; ties go by ticket id in the same direction.
  const expected = (desc: boolean) => {
    const ascending = [...deadlines.entries()]
      .sort(([idA, a], [idB, b]) => {
        const byDeadline = a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1
        return byDeadline !== 0 ? byDeadline : idA - idB
      })
      .map(([id]) => id)
    return desc ? ascending.reverse() : ascending
  }

  it('ascending: NULL first, every ticket exactly once, in order', async () => {
    const seen = await allPages('deadline asc')
    expect(new Set(seen).size).toBe(deadlines.size)
    expect(seen).toEqual(expected(false))
    expect(deadlines.get(seen[0] ?? 0)).toBeNull()
  })

  it('descending: NULL last, every ticket exactly once, in order', async () => {
    const seen = await allPages('deadline desc')
    expect(new Set(seen).size).toBe(deadlines.size)
    expect(seen).toEqual(expected(true))
    expect(deadlines.get(seen.at(-1) ?? 0)).toBeNull()
  })
})
