import { readdirSync, readFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BREACH_HEADER } from '../test/contract/validated-app.ts'
import { createTestApp } from '../test/harness.ts'
import { listen } from '../test/listen.ts'
import { adminAuth, basicHeader, call } from '../test/requests.ts'

/** The status and the header lines as the server wrote them (names as sent, in order). */
function exchange(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string
) {
  return new Promise<{ status: number; lines: string[] }>((resolve, reject) => {
    const sent = request(`${baseUrl}${path}`, { method, headers }, (answer) => {
      answer.resume()
      answer.on('end', () => {
        const lines: string[] = []
        for (let i = 0; i < answer.rawHeaders.length; i += 2) {
          lines.push(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}`)
        }
        resolve({ status: answer.statusCode ?? 0, lines })
      })
    })
    sent.on('error', reject)
    sent.end(body)
  })
}

const withoutDate = (lines: string[]) => lines.filter((line) => !line.startsWith('Date: '))

describe('answers built with their headers in advance', () => {
  // A GET's answer may be built with what the middleware adds already in place; a HEAD's never
  // is (the middleware edits it), and it carries the same headers, without the body's length.
  it('send exactly the header lines the middleware writes onto the same answer', async () => {
    const { app } = await createTestApp()
    const created = await call(app, 'POST', '/api/v1/Ticket', { Title: 'Headers in advance' })
    expect(created.status).toBe(200)
    const path = `/api/v1/Ticket/${(created.body as { TicketId: number }).TicketId}`
    const { baseUrl } = await listen(app)
    const auth = { authorization: basicHeader(adminAuth), 'x-request-id': 'same-id' }
    const first = await exchange(baseUrl, 'GET', path, auth)
    const etag = first.lines.find((line) => line.startsWith('etag: '))?.slice('etag: '.length)
    expect(etag).toBeDefined()

    const cases: [string, Record<string, string>, number][] = [
      ['/healthz', { 'x-request-id': 'same-id' }, 200],
      ['/readyz', { 'x-request-id': 'same-id' }, 200],
      [path, auth, 200],
      [path, { ...auth, accept: 'application/xml' }, 200],
      [path, { ...auth, 'if-none-match': etag ?? '' }, 304],
      ['/api/v1/Ticket/999999', auth, 404],
      [path, { 'x-request-id': 'same-id' }, 401],
      ['/no-such-route', { 'x-request-id': 'same-id', [BREACH_HEADER]: 'rejected' }, 404],
    ]
    for (const [target, headers, status] of cases) {
      const get = await exchange(baseUrl, 'GET', target, headers)
      // The document lists no HEAD operations; the hook still checks the answer.
      const head = await exchange(baseUrl, 'HEAD', target, {
        ...headers,
        [BREACH_HEADER]: 'hostile',
      })
      expect([target, get.status, head.status]).toEqual([target, status, status])
      // The test hook reads each answer before the server writes it, which lists the length
      // among the other headers (in lowercase); a server without the hook appends it.
      const length = get.lines.filter((line) => /^content-length: /i.test(line))
      expect(length).toHaveLength(status === 304 ? 0 : 1)
      const getLines = withoutDate(get.lines).filter((line) => !length.includes(line))
      expect(getLines).toEqual(withoutDate(head.lines))
      expect(getLines).toContain('x-request-id: same-id')
      expect(getLines).toContain('x-content-type-options: nosniff')
    }
  })
})

describe('answers to saves built with their headers in advance', () => {
  // A header prepared before the answer exists closes the fast path; the two ways must agree.
  it('send the header lines of the answer the middleware completes, and a prepared header too', async () => {
    const { app } = await createTestApp()
    const { baseUrl } = await listen(app)
    const headers = {
      authorization: basicHeader(adminAuth),
      'x-request-id': 'same-id',
      'content-type': 'application/json',
    }
    const post = (body: unknown) =>
      exchange(baseUrl, 'POST', '/api/v1/Ticket', headers, JSON.stringify(body))
    const fast = await post({ Title: 'Born complete' })
    // An unknown property is announced in a header the route prepares before answering.
    const prepared = await post({ Title: 'Completed by the middleware', Colour: 'red' })
    expect([fast.status, prepared.status]).toEqual([200, 200])
    const varying = /^(date|etag|content-length|x-ignored-properties): /i
    const named = (lines: string[]) => lines.filter((line) => !varying.test(line))
    expect(named(fast.lines)).toEqual(named(prepared.lines))
    expect(fast.lines).toContain('x-request-id: same-id')
    expect(fast.lines).toContain('cache-control: private, no-cache')
    expect(prepared.lines.some((line) => /^x-ignored-properties: \/Colour$/i.test(line))).toBe(true)
  })

  it('are closed by every header prepared in the source: through prepareHeader or with cookies', () => {
    const root = join(import.meta.dirname, '..')
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) {
          walk(path)
        } else if (/\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name)) {
          const text = readFileSync(path, 'utf8')
          const direct = /\bc\.header\(/.test(text) && !path.endsWith('complete-answer.ts')
          const cookies = text.includes("from 'hono/cookie'") && /(set|delete)Cookie\(/.test(text)
          if (direct || (cookies && !text.includes('closeCompleteAnswer(c)'))) {
            offenders.push(path.slice(root.length + 1))
          }
        }
      }
    }
    walk(root)
    expect(offenders).toEqual([])
  })
})
