import { describe, expect, it } from 'vitest'
import type { App } from '../app.ts'
import { addAssociate, createAuthTestApp } from '../test/auth/auth-test-app.ts'
import { basicHeader } from '../test/requests.ts'
import { dialects } from '../test/stores.ts'

/** A request from a given peer address, the way @hono/node-server hands the socket to Hono. */
function from(app: App, address: string, authorization: string) {
  return app.request(
    '/api/v1/Token',
    { headers: { authorization } },
    {
      incoming: { socket: { remoteAddress: address } },
    }
  )
}

const basic = (username: string, password: string) => basicHeader({ username, password })

// PostgreSQL counts in the sign_in_failures table (shared by every process), SQLite in memory:
// the same answers either way.
describe.for(dialects)('sign-in throttle per user name on %s', { timeout: 60_000 }, (dialect) => {
  it('answers 429 with Retry-After after 10 failures in 5 minutes, then lets the name in again', async () => {
    const { app, clock } = await createAuthTestApp(dialect)
    for (let i = 0; i < 10; i++) {
      const res = await from(app, '10.0.0.1', basic('admin', `wrong-${i}`))
      expect(res.status).toBe(401)
      clock.advance(1000)
    }
    // Even the right password is held back: a guess must not be confirmable while throttled.
    const held = await from(app, '10.0.0.1', basic('ADMIN', 'admin-test-password'))
    expect(held.status).toBe(429)
    expect(held.headers.get('retry-after')).toBe('290')
    expect(held.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(await held.json()).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' })
    // Another address gets the same answer for that name; another name is unaffected.
    expect((await from(app, '10.0.0.2', basic('admin', 'admin-test-password'))).status).toBe(429)

    clock.advance(289_000)
    expect((await from(app, '10.0.0.1', basic('admin', 'admin-test-password'))).status).toBe(429)
    clock.advance(1000)
    expect((await from(app, '10.0.0.1', basic('admin', 'admin-test-password'))).status).toBe(200)
  })

  it('treats an unknown user name exactly like a known one', async () => {
    const { app, deps } = await createAuthTestApp(dialect)
    await addAssociate(deps.store, 'anna', 'anna-password')
    const answers = async (name: string) => {
      const seen: Array<{ status: number; detail: string; retryAfter: string | null }> = []
      for (let i = 0; i < 11; i++) {
        const res = await from(app, '10.0.0.1', basic(name, 'not-the-password'))
        const body = (await res.json()) as { detail: string }
        seen.push({
          status: res.status,
          detail: body.detail,
          retryAfter: res.headers.get('retry-after'),
        })
      }
      return seen
    }
    const known = await answers('anna')
    const unknown = await answers('nobody-here')
    expect(known.map((a) => a.status)).toEqual([...Array(10).fill(401), 429])
    expect(unknown).toEqual(known)
  })

  it('forgives earlier failures after a successful sign-in', async () => {
    const { app } = await createAuthTestApp(dialect)
    for (let i = 0; i < 9; i++) {
      expect((await from(app, '10.0.0.1', basic('admin', 'wrong'))).status).toBe(401)
    }
    expect((await from(app, '10.0.0.1', basic('admin', 'admin-test-password'))).status).toBe(200)
    for (let i = 0; i < 9; i++) {
      expect((await from(app, '10.0.0.1', basic('admin', 'wrong'))).status).toBe(401)
    }
    expect((await from(app, '10.0.0.1', basic('admin', 'admin-test-password'))).status).toBe(200)
  })
})

describe.for(dialects)('sign-in throttle per address on %s', { timeout: 60_000 }, (dialect) => {
  it('answers 429 for an address after 100 failures in a minute, for every scheme', async () => {
    const { app, clock } = await createAuthTestApp(dialect)
    for (let i = 0; i < 100; i++) {
      expect((await from(app, '192.0.2.7', `Bearer tk_guess${i}`)).status).toBe(401)
    }
    const held = await from(app, '192.0.2.7', basic('admin', 'admin-test-password'))
    expect(held.status).toBe(429)
    expect(held.headers.get('retry-after')).toBe('60')
    expect(((await held.json()) as { detail: string }).detail).toMatch(/address/)
    expect((await from(app, '192.0.2.7', 'SOTicket 7T:guess')).status).toBe(429)
    expect((await from(app, '192.0.2.8', basic('admin', 'admin-test-password'))).status).toBe(200)

    clock.advance(60_000)
    expect((await from(app, '192.0.2.7', basic('admin', 'admin-test-password'))).status).toBe(200)
  })

  it('does not count requests that present no credential', async () => {
    const { app } = await createAuthTestApp(dialect)
    for (let i = 0; i < 120; i++) {
      const res = await app.request(
        '/api/v1/Token',
        {},
        { incoming: { socket: { remoteAddress: '192.0.2.9' } } }
      )
      expect(res.status).toBe(401)
    }
    expect((await from(app, '192.0.2.9', basic('admin', 'admin-test-password'))).status).toBe(200)
  })
})
