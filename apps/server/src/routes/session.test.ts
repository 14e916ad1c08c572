import { describe, expect, it } from 'vitest'
import { tablesOf } from '../db/tables-of.ts'
import { createAuthTestApp } from '../test/auth/auth-test-app.ts'
import { call } from '../test/requests.ts'

const soTicket = (ticket: string, headers: Record<string, string> = {}) => ({
  auth: null,
  headers: { authorization: `SOTicket ${ticket}`, ...headers },
})

describe.each(['sqlite', 'pg'] as const)('sessions on %s', { timeout: 30_000 }, (database) => {
  it('signs in with Basic: a ticket for SOTicket, an 8-hour expiry, an XSRF token and cookies', async () => {
    const { app, deps } = await createAuthTestApp(database)
    const signIn = await call(app, 'POST', '/api/v1/Session')
    expect(signIn.status, signIn.text).toBe(200)
    expect(signIn.headers.get('cache-control')).toBe('no-store')
    const { Ticket, ExpiresAt, XsrfToken } = signIn.body
    expect(Ticket).toMatch(/^7T:[A-Za-z0-9_-]{43}$/)
    expect(ExpiresAt).toBe('2030-01-01T16:00:00.000Z')
    expect(XsrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/)

    const cookies = signIn.headers.getSetCookie()
    const session = cookies.find((c) => c.startsWith('ticket_session='))
    expect(session).toContain(`ticket_session=${encodeURIComponent(Ticket)}`)
    expect(session).toMatch(/; HttpOnly/)
    expect(session).toMatch(/; SameSite=Strict/)
    expect(session).toMatch(/; Max-Age=28800/)
    expect(session).not.toMatch(/; Secure/)
    const xsrf = cookies.find((c) => c.startsWith('XSRF_TOKEN='))
    expect(xsrf).toContain(`XSRF_TOKEN=${XsrfToken}`)
    expect(xsrf).not.toMatch(/HttpOnly/)

    const [row] = await deps.store.db.select().from(tablesOf(deps.store.db).sessions)
    expect(row?.ticketDigest).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(row)).not.toContain(Ticket.slice(3))
    expect(JSON.stringify(row)).not.toContain(XsrfToken)

    const me = await call(app, 'GET', '/api/v1/Token', undefined, soTicket(Ticket))
    expect(me.status, me.text).toBe(200)
  })

  it('ends the session on DELETE: the ticket is refused afterwards and the cookies cleared', async () => {
    const { app } = await createAuthTestApp(database)
    const { Ticket } = (await call(app, 'POST', '/api/v1/Session')).body
    const out = await call(app, 'DELETE', '/api/v1/Session', undefined, soTicket(Ticket))
    expect(out.status, out.text).toBe(204)
    expect(out.headers.getSetCookie()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ticket_session=; Max-Age=0/),
        expect.stringMatching(/^XSRF_TOKEN=; Max-Age=0/),
      ])
    )
    const after = await call(app, 'GET', '/api/v1/Token', undefined, soTicket(Ticket))
    expect(after.status).toBe(401)
    expect(after.headers.get('www-authenticate')).toMatch(/^Basic realm="/)
    expect(after.body).toMatchObject({
      status: 401,
      code: 'UNAUTHORIZED',
      instance: '/api/v1/Token',
    })
  })

  it('expires a session after 8 hours', async () => {
    const { app, clock } = await createAuthTestApp(database)
    const { Ticket } = (await call(app, 'POST', '/api/v1/Session')).body
    clock.advance(8 * 60 * 60_000 - 1)
    expect((await call(app, 'GET', '/api/v1/Token', undefined, soTicket(Ticket))).status).toBe(200)
    clock.advance(1)
    const expired = await call(app, 'GET', '/api/v1/Token', undefined, soTicket(Ticket))
    expect(expired.status).toBe(401)
    expect(expired.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(expired.headers.get('www-authenticate')).toMatch(/^Basic realm="/)
  })

  it('signs in only with Basic, and signs out only a session', async () => {
    const { app, deps } = await createAuthTestApp(database)
    const { Token } = (await call(app, 'POST', '/api/v1/Token')).body
    const bearer = { auth: null, headers: { authorization: `Bearer ${Token}` } }
    const viaBearer = await call(app, 'POST', '/api/v1/Session', undefined, bearer)
    expect(viaBearer.status).toBe(401)
    expect(viaBearer.headers.get('www-authenticate')).toMatch(/^Basic realm="/)

    const { Ticket } = (await call(app, 'POST', '/api/v1/Session')).body
    const viaSession = await call(app, 'POST', '/api/v1/Session', undefined, soTicket(Ticket))
    expect(viaSession.status).toBe(401)

    const noSession = await call(app, 'DELETE', '/api/v1/Session')
    expect(noSession.status, noSession.text).toBe(400)
    expect(noSession.body).toMatchObject({ code: 'BAD_REQUEST' })
    expect(await deps.store.db.select().from(tablesOf(deps.store.db).sessions)).toHaveLength(1)
    expect((await call(app, 'GET', '/api/v1/Token', undefined, soTicket(Ticket))).status).toBe(200)
  })

  it('refuses a sign-in whose Accept cannot be produced, without starting a session', async () => {
    const { app, deps } = await createAuthTestApp(database)
    const refused = await call(app, 'POST', '/api/v1/Session', undefined, {
      headers: { accept: 'image/png' },
    })
    expect(refused.status).toBe(406)
    expect(await deps.store.db.select().from(tablesOf(deps.store.db).sessions)).toHaveLength(0)
  })
})

describe('SO-AppToken', { timeout: 30_000 }, () => {
  it('is required with SOTicket when TICKET_APP_TOKENS is set, and only there', async () => {
    const { app } = await createAuthTestApp('sqlite', { TICKET_APP_TOKENS: 'app-one, app-two' })
    const { Ticket } = (await call(app, 'POST', '/api/v1/Session')).body
    const missing = await call(app, 'GET', '/api/v1/Token', undefined, soTicket(Ticket))
    expect(missing.status).toBe(401)
    expect(missing.body.detail).toMatch(/SO-AppToken/)
    const wrong = soTicket(Ticket, { 'so-apptoken': 'app-three' })
    expect((await call(app, 'GET', '/api/v1/Token', undefined, wrong)).status).toBe(401)
    const right = soTicket(Ticket, { 'so-apptoken': 'app-two' })
    expect((await call(app, 'GET', '/api/v1/Token', undefined, right)).status).toBe(200)
    expect((await call(app, 'GET', '/api/v1/Token')).status).toBe(200)
  })

  it('is not needed when TICKET_APP_TOKENS is unset', async () => {
    const { app } = await createAuthTestApp('sqlite')
    const { Ticket } = (await call(app, 'POST', '/api/v1/Session')).body
    expect((await call(app, 'GET', '/api/v1/Token', undefined, soTicket(Ticket))).status).toBe(200)
  })
})
