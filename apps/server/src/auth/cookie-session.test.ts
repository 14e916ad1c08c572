import { describe, expect, it } from 'vitest'
import { createAuthTestApp } from '../test/auth/auth-test-app.ts'
import { listen } from '../test/listen.ts'
import { basicHeader, call } from '../test/requests.ts'

/** Signs in and returns what a browser would hold: the cookie header and the XSRF token. */
async function browserSession(app: Awaited<ReturnType<typeof createAuthTestApp>>['app']) {
  const signIn = await call(app, 'POST', '/api/v1/Session')
  expect(signIn.status, signIn.text).toBe(200)
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return { cookie, xsrf: signIn.body.XsrfToken as string }
}

const withCookie = (cookie: string, headers: Record<string, string> = {}) => ({
  auth: null,
  headers: { cookie, ...headers },
})

describe('the session cookie', { timeout: 30_000 }, () => {
  it('alone authenticates safe methods', async () => {
    const { app } = await createAuthTestApp()
    const { cookie } = await browserSession(app)
    const listed = await call(app, 'GET', '/api/v1/Token', undefined, withCookie(cookie))
    expect(listed.status, listed.text).toBe(200)
  })

  it('needs the matching X-XSRF-TOKEN on a state-changing request; refused ones change nothing', async () => {
    const { app } = await createAuthTestApp()
    const { cookie, xsrf } = await browserSession(app)
    const ticket = { Title: 'Printer on fire' }

    const bare = await call(app, 'POST', '/api/v1/Ticket', ticket, withCookie(cookie))
    expect(bare.status, bare.text).toBe(403)
    expect(bare.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(bare.body).toMatchObject({ status: 403, code: 'FORBIDDEN' })
    expect(bare.body.detail).toMatch(/X-XSRF-TOKEN/)
    // One character changed (a random token may already end in 'A').
    const other = xsrf.endsWith('A') ? 'B' : 'A'
    const wrong = withCookie(cookie, { 'x-xsrf-token': `${xsrf.slice(0, -1)}${other}` })
    expect((await call(app, 'POST', '/api/v1/Ticket', ticket, wrong)).status).toBe(403)
    expect((await call(app, 'POST', '/api/v1/Token', undefined, withCookie(cookie))).status).toBe(
      403
    )
    expect((await call(app, 'GET', '/api/v1/Ticket/1')).status).toBe(404)
    expect((await call(app, 'GET', '/api/v1/Token')).body).toEqual([])

    const good = withCookie(cookie, { 'x-xsrf-token': xsrf })
    const saved = await call(app, 'POST', '/api/v1/Ticket', ticket, good)
    expect(saved.status, saved.text).toBe(200)
    expect(saved.body.Title).toBe('Printer on fire')
  })

  it('does not take the XSRF token of another session', async () => {
    const { app } = await createAuthTestApp()
    const first = await browserSession(app)
    const second = await browserSession(app)
    const crossed = withCookie(first.cookie, { 'x-xsrf-token': second.xsrf })
    expect((await call(app, 'POST', '/api/v1/Token', undefined, crossed)).status).toBe(403)
  })

  it('is refused with 401 once the session is over, whatever the method', async () => {
    const { app, clock } = await createAuthTestApp()
    const { cookie, xsrf } = await browserSession(app)
    clock.advance(8 * 60 * 60_000)
    const get = await call(app, 'GET', '/api/v1/Token', undefined, withCookie(cookie))
    expect(get.status).toBe(401)
    expect(get.headers.get('www-authenticate')).toMatch(/^Basic realm="/)
    const post = withCookie(cookie, { 'x-xsrf-token': xsrf })
    expect((await call(app, 'POST', '/api/v1/Token', undefined, post)).status).toBe(401)
  })

  it('works over real HTTP: sign in, read, write with XSRF, sign out', async () => {
    const { app } = await createAuthTestApp()
    const { baseUrl } = await listen(app)
    const signIn = await fetch(`${baseUrl}/api/v1/Session`, {
      method: 'POST',
      headers: {
        authorization: basicHeader({ username: 'admin', password: 'admin-test-password' }),
      },
    })
    expect(signIn.status).toBe(200)
    const { XsrfToken } = (await signIn.json()) as { XsrfToken: string }
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    expect(cookie).toMatch(/ticket_session=.+; XSRF_TOKEN=.+/)

    expect((await fetch(`${baseUrl}/api/v1/Token`, { headers: { cookie } })).status).toBe(200)
    const forged = await fetch(`${baseUrl}/api/v1/Ticket`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ Title: 'Forged' }),
    })
    expect(forged.status).toBe(403)
    expect(((await forged.json()) as { code: string }).code).toBe('FORBIDDEN')
    const saved = await fetch(`${baseUrl}/api/v1/Ticket`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-xsrf-token': XsrfToken },
      body: JSON.stringify({ Title: 'From the browser' }),
    })
    expect(saved.status).toBe(200)

    const out = await fetch(`${baseUrl}/api/v1/Session`, {
      method: 'DELETE',
      headers: { cookie, 'x-xsrf-token': XsrfToken },
    })
    expect(out.status).toBe(204)
    expect((await fetch(`${baseUrl}/api/v1/Token`, { headers: { cookie } })).status).toBe(401)
  })
})
