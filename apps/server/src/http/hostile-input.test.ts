import { readFileSync } from 'node:fs'
import { TicketEntity } from '@ticket/schema'
import { count } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../app.ts'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { breaksDocument } from '../test/contract/validated-app.ts'
import { openTestApp } from '../test/harness.ts'
import { adminAuth, basicHeader } from '../test/requests.ts'
import { valueToXml } from './xml/value-to-xml.ts'

interface CorpusCase {
  name: string
  class: string
  method: string
  contentType: string | null
  body?: string
  bodyBase64?: string
  headers?: Record<string, string>
  expect: number
}
const corpus = JSON.parse(
  readFileSync(new URL('./corpus/hostile-bodies.json', import.meta.url), 'utf8')
) as { cases: CorpusCase[] }

let app: App
let store: Store
let close: () => Promise<void>
let target: number
const tally = { requests: 0, serverErrors: 0, hangs: 0 }

beforeAll(async () => {
  const opened = await openTestApp({ env: { TICKET_DEMO_DATA: '1' } })
  app = opened.app
  store = opened.deps.store
  close = opened.close
  const created = await send('POST', '/api/v1/Ticket', 'application/json', '{"Title":"target"}')
  target = Number(created.json.TicketId)
})
afterAll(async () => {
  // One line for the record: how much was tried and what broke.
  process.stderr.write(`hostile input: ${JSON.stringify(tally)}\n`)
  await close()
})

/** One request with a 5 s limit: a request that does not finish counts as a hang. */
async function send(
  method: string,
  path: string,
  contentType: string | null,
  body: string | Uint8Array,
  headers: Record<string, string> = {}
) {
  tally.requests++
  const init = {
    method,
    headers: {
      authorization: basicHeader(adminAuth),
      accept: 'application/json',
      ...(contentType === null ? {} : { 'content-type': contentType }),
      ...headers,
    },
    body: method === 'GET' ? undefined : (body as BodyInit),
  }
  // Hostile bodies break the document on purpose; the answers must still meet it.
  const request = app.request(path, method === 'GET' ? init : breaksDocument(init, 'hostile'))
  const res = await Promise.race([
    request,
    new Promise<'hang'>((resolve) => setTimeout(() => resolve('hang'), 5_000)),
  ])
  if (res === 'hang') {
    tally.hangs++
    throw new Error(`no answer within 5 s: ${method} ${path} ${contentType}`)
  }
  if (res.status >= 500) {
    tally.serverErrors++
  }
  const text = await res.text()
  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(text)
  } catch {}
  return { status: res.status, text, json: json as Record<string, never> }
}

const ticketCount = async () =>
  (await store.db.select({ n: count() }).from(tablesOf(store.db).tickets))[0]?.n
const readTarget = async () => (await send('GET', `/api/v1/Ticket/${target}`, null, '')).text

/** Sends one case; a rejected one must leave the store as it was. */
async function sendChecked(
  method: 'POST' | 'PATCH',
  contentType: string | null,
  body: string | Uint8Array,
  headers: Record<string, string> = {}
) {
  const before = { count: await ticketCount(), target: await readTarget() }
  const path = method === 'PATCH' ? `/api/v1/Ticket/${target}` : '/api/v1/Ticket'
  const res = await send(method, path, contentType, body, headers)
  expect(res.status, res.text).toBeLessThan(500)
  if (res.status >= 400) {
    expect(res.json.type, res.text).toMatch(/^urn:ticket:error:/)
    expect(await ticketCount()).toBe(before.count)
    expect((await readTarget()).replace(/"LastChanged":"[^"]*"/, '')).toBe(
      before.target.replace(/"LastChanged":"[^"]*"/, '')
    )
  }
  return res
}

describe('the hostile-body corpus', () => {
  it.each(corpus.cases.map((c) => [`${c.class}: ${c.name}`, c] as const))('%s', async (_, c) => {
    const body = c.bodyBase64 ? Buffer.from(c.bodyBase64, 'base64') : (c.body ?? '')
    const patch = c.contentType?.includes('patch') === true
    const res = await sendChecked(patch ? 'PATCH' : 'POST', c.contentType, body, c.headers)
    expect(res.status, res.text).toBe(c.expect)
  })
})

// Text a ticket can hold exactly: no NUL, no lone surrogates; XML 1.0 cannot carry most C0
// controls, so those are left out of what must round-trip.
const storable = (max: number) =>
  fc
    .string({ unit: 'grapheme', maxLength: max })
    .map((s) => [...s].filter(xmlCarries).join(''))
    .filter((s) => s.length <= max && s.trim() === s)
function xmlCarries(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) && code < 0xfffe
}
const validTicket = fc.record({
  Title: storable(80).filter((s) => s.length > 0),
  // Empty, these take defaults (the author is the caller): a round trip needs them sent.
  Author: storable(40).filter((s) => s.length > 0),
  FromAddress: storable(40).filter((s) => s.length > 0),
  Language: storable(20).filter((s) => s.length > 0),
  Deadline: fc
    .date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  Slevel: fc.constantFrom('Internal', 'External'),
})

const formOf = (value: Record<string, string>) => new URLSearchParams(value).toString()

const encodings: Record<string, (value: Record<string, string>) => string> = {
  'application/json': (v) => JSON.stringify(v),
  'text/json': (v) => JSON.stringify(v),
  'application/xml': (v) => valueToXml(v, 'TicketEntity', TicketEntity),
  'application/x-www-form-urlencoded': formOf,
}

describe('property: valid bodies round-trip exactly in every content type', () => {
  for (const [type, encode] of Object.entries(encodings)) {
    it(type, async () => {
      await fc.assert(
        fc.asyncProperty(validTicket, async (ticket) => {
          const res = await sendChecked('POST', type, encode(ticket))
          expect(res.status, res.text).toBe(200)
          const read = await send('GET', `/api/v1/Ticket/${res.json.TicketId}`, null, '')
          const { Deadline, ...rest } = ticket
          expect(read.json).toMatchObject(rest)
          expect(Date.parse(String(read.json.Deadline))).toBe(Date.parse(Deadline))
        }),
        { numRuns: 25 }
      )
    })
  }
})

// Any JSON value under any name, including the entity's own names with wrong types.
const names = [...Object.keys(TicketEntity.properties), '__proto__', 'constructor', 'x', '']
const hostileValue = fc.dictionary(
  fc.oneof(fc.constantFrom(...names), fc.string()),
  fc.oneof(fc.anything({ maxDepth: 4 }), fc.string({ unit: 'binary' })),
  { maxKeys: 8 }
)

describe('property: random and mutated bodies never get a 5xx and, rejected, change nothing', () => {
  it('random values in every content type, and as Merge Patch and JSON Patch', async () => {
    await fc.assert(
      fc.asyncProperty(hostileValue, fc.nat(5), async (value, pick) => {
        const text = JSON.stringify(value) ?? 'null'
        const variants: Array<['POST' | 'PATCH', string, string]> = [
          ['POST', 'application/json', text],
          ['POST', 'text/json', text],
          ['POST', 'application/xml', valueToXml(value, 'TicketEntity', TicketEntity) ?? ''],
          ['POST', 'application/x-www-form-urlencoded', formOf(flat(value))],
          ['PATCH', 'application/merge-patch+json', text],
          [
            'PATCH',
            'application/json-patch+json',
            JSON.stringify([
              { op: 'replace', path: `/${Object.keys(value)[0] ?? 'Title'}`, value },
            ]),
          ],
        ]
        const [method, type, body] = variants[pick] as ['POST' | 'PATCH', string, string]
        await sendChecked(method, type, body)
      }),
      { numRuns: 150 }
    )
  })

  it('byte mutations of a valid body in every format', async () => {
    const bodies = Object.entries(encodings).map(
      ([type, encode]) =>
        [type, Buffer.from(encode({ Title: 'mutant', Deadline: '2030-01-01T00:00:00Z' }))] as const
    )
    await fc.assert(
      fc.asyncProperty(
        fc.nat(bodies.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        async (which, edits) => {
          const [type, original] = bodies[which] as (typeof bodies)[number]
          const mutated = Buffer.from(original)
          for (const [at, byte] of edits) {
            mutated[at % mutated.length] = byte
          }
          await sendChecked('POST', type, mutated)
        }
      ),
      { numRuns: 150 }
    )
  })
})

function flat(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(JSON.stringify(v))]))
}
