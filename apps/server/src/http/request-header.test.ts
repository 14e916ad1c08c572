import { connect } from 'node:net'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { listen } from '../test/listen.ts'
import { requestHeader } from './request-header.ts'

const names = [
  'content-type',
  'authorization',
  'accept',
  'accept-language',
  'so-language',
  'x-forwarded-for',
  'cookie',
  'if-none-match',
  'if-unmodified-since',
  'user-agent',
  'set-cookie',
  'constructor',
  '__proto__',
  'absent-header',
] as const

/** Both readings of every name, as the server saw one request. */
async function readingsOf(rawHeaderLines: string[]) {
  const app = new Hono()
  app.get('/', (c) =>
    c.json(
      names.map((name) => ({
        name,
        fast: requestHeader(c, name) ?? '(absent)',
        web: c.req.header(name) ?? '(absent)',
      }))
    )
  )
  const { baseUrl } = await listen(app)
  const { port } = new URL(baseUrl)
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1')
    let text = ''
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8')
    })
    socket.on('end', () => resolve(text))
    socket.on('error', reject)
    socket.write(
      ['GET / HTTP/1.1', 'Host: test', 'Connection: close', ...rawHeaderLines, '', ''].join('\r\n')
    )
  })
  return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {
    name: string
    fast: string
    web: string
  }[]
}

/** Asserts both readings agree for every name; the fast readings by name. */
function sameAsWebHeaders(readings: Awaited<ReturnType<typeof readingsOf>>) {
  for (const { name, fast, web } of readings) {
    expect({ name, value: fast }).toEqual({ name, value: web })
  }
  return new Map(readings.map((r) => [r.name, r.fast]))
}

describe('requestHeader', () => {
  it('reads every header as the web Headers do, copies and spacing included', async () => {
    const readings = await readingsOf([
      'Content-Type: application/json',
      'content-type: text/xml',
      'AUTHORIZATION:   Basic YWRtaW46eA==  ',
      'Accept: application/json',
      'accept: text/xml',
      'Accept-Language: \tsv, en;q=0.5\t',
      'SO-Language: de',
      'X-Forwarded-For: 10.0.0.1',
      'x-forwarded-for: 10.0.0.2',
      'Cookie: a=1',
      'Cookie: b=2',
      'If-None-Match: "x"',
      'User-Agent: one',
      'User-Agent: two',
      'Set-Cookie: nope=1',
    ])
    const byName = sameAsWebHeaders(readings)
    // The copies Node keeps once are joined, as the web Headers join them.
    expect(byName.get('content-type')).toBe('application/json, text/xml')
    expect(byName.get('user-agent')).toBe('one, two')
    expect(byName.get('authorization')).toBe('Basic YWRtaW46eA==')
    expect(byName.get('x-forwarded-for')).toBe('10.0.0.1, 10.0.0.2')
    expect(byName.get('absent-header')).toBe('(absent)')
    expect(byName.get('constructor')).toBe('(absent)')
  })

  it('reads a request without copies as the web Headers do', async () => {
    const readings = await readingsOf([
      'Content-Type: application/json; charset=utf-8',
      'Authorization: Basic YWRtaW46eA==',
      'Accept-Language: sv',
      'If-Unmodified-Since:  Mon, 07 Dec 2026 07:00:00 GMT ',
    ])
    const byName = sameAsWebHeaders(readings)
    expect(byName.get('content-type')).toBe('application/json; charset=utf-8')
    expect(byName.get('authorization')).toBe('Basic YWRtaW46eA==')
  })

  it('answers as the web Headers do without Node underneath (app.request)', async () => {
    const app = new Hono()
    app.get('/', (c) => c.text(requestHeader(c, 'so-language') ?? '(absent)'))
    const res = await app.request('/', { headers: { 'SO-Language': 'no' } })
    expect(await res.text()).toBe('no')
  })
})
