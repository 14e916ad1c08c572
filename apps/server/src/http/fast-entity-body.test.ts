import { describe, expect, it } from 'vitest'
import { createTestApp } from '../test/harness.ts'
import { call } from '../test/requests.ts'

/** The same body with every property name lower-cased: it must take the full reading. */
function lowerCased(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(lowerCased)
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key.toLowerCase(), lowerCased(child)])
    )
  }
  return value
}

const stamped = new Set(['TicketId', 'CreatedAt', 'LastChanged', 'FieldProperties', 'TableRight'])
const withoutStamps = (ticket: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(ticket).filter(([key]) => !stamped.has(key)))

describe('a JSON ticket body in the schema’s own form (the fast reading)', () => {
  it('saves what the same body in other casing (the full reading) saves, in a time zone too', async () => {
    const { app } = await createTestApp()
    const body = {
      Title: 'Printer on fire',
      Activate: '2031-07-01T10:00:00',
      Deadline: '2031-07-01T10:00:00+02:00',
      CustomFields: { x_colour: 'red' },
      NumReplies: 7,
      Tags: [{ Name: 'hardware' }],
    }
    const headers = { 'SO-TimeZone': 'Europe/Oslo' }
    const fast = await call(app, 'POST', '/api/v1/Ticket', body, { headers })
    const full = await call(app, 'POST', '/api/v1/Ticket', lowerCased(body), { headers })
    expect(fast.status, fast.text).toBe(200)
    expect(full.status, full.text).toBe(200)
    expect(withoutStamps(fast.body)).toEqual(withoutStamps(full.body))
    // Offset-less times are read in the zone, read-only properties are not taken from the body.
    expect(fast.body.Activate).toBe('2031-07-01T10:00:00.000')
    expect(fast.body.NumReplies).toBe(0)
    const stored = await call(app, 'GET', `/api/v1/Ticket/${fast.body.TicketId}`)
    expect(stored.body.Activate).toBe('2031-07-01T08:00:00Z'.replace('Z', '.000Z'))
  })

  it('still answers a refused body with the full reading’s problem details', async () => {
    const { app } = await createTestApp()
    const res = await call(
      app,
      'POST',
      '/api/v1/Ticket',
      { Title: 5, Deadline: 'soon' },
      { breaksDocument: 'rejected' }
    )
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/Deadline',
      '/Title',
    ])
  })
})
