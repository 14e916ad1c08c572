import { describe, expect, it } from 'vitest'
import { createAuthTestApp } from '../test/auth/auth-test-app.ts'
import { call } from '../test/requests.ts'

describe('bad token requests', { timeout: 30_000 }, () => {
  it('answers each with a 4xx problem and issues nothing', async () => {
    const { app } = await createAuthTestApp()
    const cases: Array<[number, string, unknown, Record<string, string>?]> = [
      [415, 'text', 'Name=x', { 'content-type': 'text/plain' }],
      [400, 'malformed', '{"Name":', undefined],
      [400, 'unknown field', { Name: 'x', Scope: 'all' }],
      [400, 'long name', { Name: 'x'.repeat(256) }],
      [400, 'not a date', { ExpiresAt: 'tomorrow' }],
      [400, 'past date', { ExpiresAt: '2029-12-31T23:59:59Z' }],
      [400, 'now', { ExpiresAt: '2030-01-01T08:00:00Z' }],
      [400, 'array', [{ Name: 'x' }]],
      [406, 'accept', { Name: 'x' }, { accept: 'image/png' }],
    ]
    for (const [status, what, body, headers] of cases) {
      const res = await call(app, 'POST', '/api/v1/Token', body, {
        headers,
        breaksDocument: 'rejected',
      })
      expect(res.status, `${what}: ${res.text}`).toBe(status)
      expect(res.headers.get('content-type'), what).toMatch(/^application\/problem\+json/)
    }
    expect((await call(app, 'GET', '/api/v1/Token')).body).toEqual([])
  })

  it('names every invalid field', async () => {
    const { app } = await createAuthTestApp()
    const res = await call(
      app,
      'POST',
      '/api/v1/Token',
      { Name: 7, ExpiresAt: 'soon' },
      { breaksDocument: 'rejected' }
    )
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/ExpiresAt',
      '/Name',
    ])
  })

  it('refuses a bad or unknown token id on DELETE', async () => {
    const { app } = await createAuthTestApp()
    const bad = { breaksDocument: 'rejected' } as const
    expect((await call(app, 'DELETE', '/api/v1/Token/abc', undefined, bad)).status).toBe(400)
    expect((await call(app, 'DELETE', '/api/v1/Token/0', undefined, bad)).status).toBe(400)
    const unknown = await call(app, 'DELETE', '/api/v1/Token/999')
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND', instance: '/api/v1/Token/999' })
  })

  it('answers malformed or unsupported Authorization headers with 401 and the Basic challenge', async () => {
    const { app } = await createAuthTestApp()
    for (const authorization of ['Bearer', 'Digest abc', 'Basic !!!', 'Basic Zm9v', 'SOTicket']) {
      const res = await call(app, 'GET', '/api/v1/Token', undefined, {
        auth: null,
        headers: { authorization },
      })
      expect(res.status, authorization).toBe(401)
      expect(res.headers.get('www-authenticate'), authorization).toMatch(/^Basic realm="/)
      expect(res.body, authorization).toMatchObject({ status: 401, code: 'UNAUTHORIZED' })
    }
  })
})
