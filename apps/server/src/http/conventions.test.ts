import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import { describe, expect, it } from 'vitest'
import { clientAddressResolver } from '../auth/client-address.ts'
import { createTestApp } from '../test/harness.ts'
import { listen } from '../test/listen.ts'
import { adminAuth, basicHeader, call } from '../test/requests.ts'
import { COMPRESSION_THRESHOLD, chooseCoding, compression } from './compression.ts'

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
      headers: { ...auth, 'accept-encoding': 'gzip' },
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

  it('answers br to a client that accepts it, decoding to the identical bytes', async () => {
    const { app, id } = await appWithTicket()
    const plain = await app.request(`/api/v1/Ticket/${id}`, { headers: auth })
    const plainBytes = Buffer.from(await plain.arrayBuffer())
    const br = await app.request(`/api/v1/Ticket/${id}`, {
      headers: { ...auth, 'accept-encoding': 'gzip, deflate, br' },
    })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/)
    expect(br.headers.get('content-length')).toBeNull()
    const bytes = Buffer.from(await br.arrayBuffer())
    expect(bytes.length).toBeLessThan(plainBytes.length / 2)
    expect(brotliDecompressSync(bytes).equals(plainBytes)).toBe(true)

    const document = await app.request('/openapi.json')
    const documentBr = await app.request('/openapi.json', { headers: { 'accept-encoding': 'br' } })
    expect(documentBr.headers.get('content-encoding')).toBe('br')
    const documentBytes = Buffer.from(await documentBr.arrayBuffer())
    expect(brotliDecompressSync(documentBytes).toString('utf8')).toBe(await document.text())
  })

  it('follows the q-values of Accept-Encoding, br on a tie', () => {
    expect(chooseCoding('gzip, br')).toBe('br')
    expect(chooseCoding('br;q=0.8, gzip;q=0.8')).toBe('br')
    expect(chooseCoding('br;q=0.5, gzip')).toBe('gzip')
    expect(chooseCoding('gzip;q=0.9, br;q=1.0')).toBe('br')
    expect(chooseCoding('br;q=0, gzip')).toBe('gzip')
    expect(chooseCoding('deflate')).toBe('deflate')
    expect(chooseCoding('*')).toBe('br')
    expect(chooseCoding('*;q=0.5, gzip;q=0.7')).toBe('gzip')
    expect(chooseCoding('identity')).toBe('identity')
    expect(chooseCoding('compress, zstd')).toBe('identity')
    expect(chooseCoding('identity, gzip;q=0.5')).toBe('identity')
  })

  it('sends what the q-values choose, and the bytes decode', async () => {
    const { app, id } = await appWithTicket()
    const plain = await (await app.request(`/api/v1/Ticket/${id}`, { headers: auth })).text()
    const fetchWith = (acceptEncoding: string) =>
      app.request(`/api/v1/Ticket/${id}`, {
        headers: { ...auth, 'accept-encoding': acceptEncoding },
      })
    const gzip = await fetchWith('br;q=0.4, gzip;q=0.9')
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString('utf8')).toBe(plain)
    const deflate = await fetchWith('deflate, br;q=0')
    expect(deflate.headers.get('content-encoding')).toBe('deflate')
    expect(inflateSync(Buffer.from(await deflate.arrayBuffer())).toString('utf8')).toBe(plain)
    const identity = await fetchWith('identity, br;q=0.1')
    expect(identity.headers.get('content-encoding')).toBeNull()
    expect(await identity.text()).toBe(plain)
  })

  it('keeps the strong ETag for the identity bytes and weakens it on a compressed answer', async () => {
    const { app, id } = await appWithTicket()
    const plain = await app.request(`/api/v1/Ticket/${id}`, { headers: auth })
    const strong = plain.headers.get('etag') ?? ''
    expect(strong).toMatch(/^"\d+-[\w-]+"$/)
    for (const coding of ['br', 'gzip']) {
      const compressed = await app.request(`/api/v1/Ticket/${id}`, {
        headers: { ...auth, 'accept-encoding': coding },
      })
      expect(compressed.headers.get('content-encoding')).toBe(coding)
      expect(compressed.headers.get('etag')).toBe(`W/${strong}`)
      // The weak tag still names the client's copy: a conditional GET is a 304.
      const revalidated = await app.request(`/api/v1/Ticket/${id}`, {
        headers: { ...auth, 'accept-encoding': coding, 'if-none-match': `W/${strong}` },
      })
      expect(revalidated.status).toBe(304)
    }
  })

  it('does not compress answers under the threshold', async () => {
    const { app } = await createTestApp()
    const small = await app.request('/healthz', { headers: { 'accept-encoding': 'br, gzip' } })
    expect(small.headers.get('content-encoding')).toBeNull()
    expect(await small.json()).toEqual({ status: 'ok' })
  })

  it('never holds back or compresses a live event stream', async () => {
    const app = new Hono()
    app.use(compression())
    let finish = () => {}
    const finished = new Promise<void>((resolve) => {
      finish = resolve
    })
    app.get('/events', (c) =>
      streamSSE(c, async (stream) => {
        await stream.writeSSE({ data: 'x'.repeat(4 * COMPRESSION_THRESHOLD) })
        // The stream stays open until the client has its headers: a middleware that waited for
        // the whole body would never answer.
        await finished
      })
    )
    const response = await app.request('/events', { headers: { 'accept-encoding': 'br, gzip' } })
    finish()
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(await response.text()).toContain('x'.repeat(4 * COMPRESSION_THRESHOLD))
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
