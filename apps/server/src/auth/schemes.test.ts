import { describe, expect, it } from 'vitest'
import { addAssociate, createAuthTestApp } from '../test/auth/auth-test-app.ts'
import { basicHeader, call } from '../test/requests.ts'

describe('every scheme saves a ticket as its own associate', { timeout: 30_000 }, () => {
  it('Basic, Bearer, SOTicket and the session cookie with X-XSRF-TOKEN', async () => {
    const { app, deps } = await createAuthTestApp()
    const annaId = await addAssociate(deps.store, 'anna', 'anna-password')
    const basic = { authorization: basicHeader({ username: 'anna', password: 'anna-password' }) }
    const { Token } = (
      await call(app, 'POST', '/api/v1/Token', undefined, { auth: null, headers: basic })
    ).body
    const signIn = await call(app, 'POST', '/api/v1/Session', undefined, {
      auth: null,
      headers: basic,
    })
    const { Ticket, XsrfToken } = signIn.body
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')

    const schemes: Record<string, Record<string, string>> = {
      basic,
      bearer: { authorization: `Bearer ${Token}` },
      soticket: { authorization: `SOTicket ${Ticket}` },
      cookie: { cookie, 'x-xsrf-token': XsrfToken },
    }
    for (const [scheme, headers] of Object.entries(schemes)) {
      const saved = await call(
        app,
        'POST',
        '/api/v1/Ticket',
        { Title: `via ${scheme}` },
        { auth: null, headers }
      )
      expect(saved.status, `${scheme}: ${saved.text}`).toBe(200)
      expect(saved.body.CreatedBy?.AssociateId, scheme).toBe(annaId)
      const read = await call(app, 'GET', `/api/v1/Ticket/${saved.body.TicketId}`, undefined, {
        auth: null,
        headers,
      })
      expect(read.status, scheme).toBe(200)
      expect(read.body.Title).toBe(`via ${scheme}`)
    }
  })
})
