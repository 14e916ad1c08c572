import { gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { clientAddressResolver } from '../auth/client-address.ts'
import { createTestApp } from '../test/harness.ts'
import { listen } from '../test/listen.ts'
import { adminAuth, basicHeader, call } from '../test/requests.ts'
import { COMPRESSION_THRESHOLD } from './compression.ts'

const auth = { authorization: basicHeader(adminAuth) }

async function appWithTicket() {
  const { app } = await createTestApp()
  const created = await call(app, 'POST', '/api/v1/Ticket', { Title: 'Printer on fire' })
  expect(created.status).toBe(200)
  return { app, id: created.body.TicketId as number }
}

describe('compression', () => {
  it('gzips large answers for clients that accept it and leaves the others alone', async () => {
    const { app, id } = await appWithTicket()
    const plain = await app.request(`/api/v1/Ticket/${id}`, { headers: auth })
    const plainText = await plain.text()
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plainText.length).toBeGreaterThan(COMPRESSION_THRESHOLD)

    const zipped = await app.request(`/api/v1/Ticket/${id}`, {
      headers: { ...auth, 'accept-encoding': 'gzip, br' },
    })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(zipped.headers.get('vary')).toMatch(/Accept-Encoding/)
    const bytes = Buffer.from(await zipped.arrayBuffer())
    expect(bytes.length).toBeLessThan(plainText.length / 2)
    const unzipped = gunzipSync(bytes).toString('utf8')
    expect(JSON.parse(unzipped)).toEqual(JSON.parse(plainText))

    const document = await app.request('/openapi.json', { headers: { 'accept-encoding': 'gzip' } })
    expect(document.headers.get('content-encoding')).toBe('gzip')
  })

  it('does not compress answers under the threshold', async () => {
    const { app } = await createTestApp()
    const small = await app.request('/healthz', { headers: { 'accept-encoding': 'gzip' } })
    expect(small.headers.get('content-encoding')).toBeNull()
    expect(await small.json()).toEqual({ status: 'ok' })
  })
})

describe('caching headers', () => {
  it('marks authenticated answers and refusals private, no-cache; secrets keep no-store', async () => {
    const { app, id } = await appWithTicket()
    const read = await app.request(`/api/v1/Ticket/${id}`, { headers: auth })
    expect(read.headers.get('cache-control')).toBe('private, no-cache')
    const refused = await app.request(`/api/v1/Ticket/${id}`)
    expect(refused.status).toBe(401)
    expect(refused.headers.get('cache-control')).toBe('private, no-cache')
    const token = await call(app, 'POST', '/api/v1/Token', { Name: 'ci' })
    expect(token.headers.get('cache-control')).toBe('no-store')
  })

  it('gives JSON and XML of one revision different ETags, and If-Match accepts either', async () => {
    const { app, id } = await appWithTicket()
    const tagOf = async (accept: string) =>
      (await app.request(`/api/v1/Ticket/${id}`, { headers: { ...auth, accept } })).headers.get(
        'etag'
      ) ?? ''
    const json = await tagOf('application/json')
    const xml = await tagOf('application/xml')
    expect(json).toMatch(/^"\d+-[\w-]+"$/)
    expect(xml).toMatch(/^"\d+-[\w-]+"$/)
    expect(json).not.toBe(xml)
    expect(await tagOf('application/json')).toBe(json)

    const put = (ifMatch: string, title: string) =>
      call(
        app,
        'PUT',
        `/api/v1/Ticket/${id}`,
        { Title: title },
        { headers: { 'if-match': ifMatch } }
      )
    expect((await put(xml, 'changed once')).status).toBe(200)
    // Both tags named the revision before that save: now stale.
    expect((await put(json, 'changed twice')).status).toBe(412)
    const after = await tagOf('application/json')
    expect(after).not.toBe(json)
    expect((await put(after, 'changed twice')).status).toBe(200)
  })
})

describe('TICKET_TRUST_PROXY', () => {
  async function addressSeen(setting: string | undefined, forwardedFor?: string) {
    const app = new Hono()
    const resolve = clientAddressResolver(setting)
    app.get('/', (c) => c.text(resolve(c)))
    const { baseUrl } = await listen(app)
    const headers: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}
    return (await fetch(baseUrl, { headers })).text()
  }

  it('ignores X-Forwarded-For when off (the default)', async () => {
    expect(await addressSeen(undefined, '203.0.113.9')).toBe('127.0.0.1')
    expect(await addressSeen('false', '203.0.113.9')).toBe('127.0.0.1')
  })

  it('takes the client from X-Forwarded-For behind trusted proxies', async () => {
    expect(await addressSeen('1', '203.0.113.9')).toBe('203.0.113.9')
    expect(await addressSeen('loopback', '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9')
    // Only one hop is trusted: what the client wrote further left is not believed.
    expect(await addressSeen('1', '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9')
    expect(await addressSeen('2', '198.51.100.1, 203.0.113.9')).toBe('198.51.100.1')
    // A proxy not in the list cannot speak for the client.
    expect(await addressSeen('10.0.0.0/8', '203.0.113.9')).toBe('127.0.0.1')
  })

  it('refuses a malformed setting at start', () => {
    expect(() => clientAddressResolver('not-an-address')).toThrow()
  })
})
