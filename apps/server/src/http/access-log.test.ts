import { describe, expect, it } from 'vitest'
import { capturedLogger } from '../test/captured-logger.ts'
import { breaksDocument } from '../test/contract/validated-app.ts'
import { createTestApp } from '../test/harness.ts'
import { adminAuth, basicHeader } from '../test/requests.ts'

const requestLines = (lines: Array<Record<string, unknown>>) =>
  lines.filter((line) => line.message === 'request')

describe('access log and request ids', () => {
  it('logs one line per request with method, route, status, duration and the id on the response', async () => {
    const { logger, lines } = capturedLogger('info')
    const { app } = await createTestApp({ logger })
    const ok = await app.request('/api/v1/Ticket/default', {
      headers: { authorization: basicHeader(adminAuth) },
    })
    const unauthorized = await app.request('/api/v1/Ticket/1')
    const missing = await app.request('/no/such/route', breaksDocument({}))
    const bad = await app.request(
      '/api/v1/Ticket',
      breaksDocument({
        method: 'POST',
        headers: { authorization: basicHeader(adminAuth), 'content-type': 'application/json' },
        body: '{not json',
      })
    )
    const responses = [ok, unauthorized, missing, bad]
    expect(responses.map((r) => r.status)).toEqual([200, 401, 404, 400])
    await new Promise((r) => setTimeout(r, 50))
    const logged = requestLines(lines)
    expect(logged, JSON.stringify(lines)).toHaveLength(4)
    for (const [i, response] of responses.entries()) {
      const id = response.headers.get('x-request-id')
      expect(id).toMatch(/^[0-9a-f-]{36}$/)
      expect(logged[i]).toMatchObject({ requestId: id, status: response.status, level: 'info' })
      expect(typeof logged[i]?.durationMs).toBe('number')
    }
    expect(logged[0]).toMatchObject({ method: 'GET', route: '/api/v1/Ticket/default' })
    expect(logged[3]).toMatchObject({ method: 'POST', route: '/api/v1/Ticket' })
    expect(logged[2]?.route).toBeUndefined()
    // The problem body carries the same id as the header.
    expect((await bad.json()).requestId).toBe(bad.headers.get('x-request-id'))
    // No request headers at info.
    expect(logged[0]?.headers).toBeUndefined()
  })

  it("keeps a caller's plain X-Request-Id and replaces one that is not", async () => {
    const { app } = await createTestApp()
    const kept = await app.request('/healthz', { headers: { 'x-request-id': 'abc-123_x=' } })
    expect(kept.headers.get('x-request-id')).toBe('abc-123_x=')
    const replaced = await app.request('/healthz', { headers: { 'x-request-id': 'a b<script>' } })
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('at debug logs the request headers with credentials redacted', async () => {
    const { logger, lines } = capturedLogger('debug')
    const { app } = await createTestApp({ logger })
    const secretTicket = 'cookie-secret-value'
    await app.request('/api/v1/Ticket/default', {
      headers: {
        authorization: basicHeader(adminAuth),
        cookie: `.TICKET=${secretTicket}`,
        'so-apptoken': 'app-token-secret',
        'x-xsrf-token': 'xsrf-secret',
        'user-agent': 'access-log-test',
      },
    })
    await new Promise((r) => setTimeout(r, 50))
    const [line] = requestLines(lines)
    expect(line?.headers).toMatchObject({
      authorization: '[redacted]',
      cookie: '[redacted]',
      'so-apptoken': '[redacted]',
      'x-xsrf-token': '[redacted]',
      'user-agent': 'access-log-test',
    })
    const everything = JSON.stringify(lines)
    for (const secret of [
      basicHeader(adminAuth),
      secretTicket,
      'app-token-secret',
      'xsrf-secret',
    ]) {
      expect(everything).not.toContain(secret)
    }
  })

  it('redacts password and token fields whatever message carries them', () => {
    const { logger, lines } = capturedLogger('info')
    logger.info('something', { password: 'p1', user: { Password: 'p2', token: 't1' }, ok: 1 })
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(JSON.stringify(lines)).not.toMatch(/p1|p2|t1/)
        expect(lines[0]).toMatchObject({ ok: 1, password: '[redacted]' })
        resolve()
      }, 20)
    )
  })
})
