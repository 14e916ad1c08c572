import { count } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../app.ts'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { type Breach, breaksDocument } from '../test/contract/validated-app.ts'
import { openTestApp } from '../test/harness.ts'
import { adminAuth, basicHeader } from '../test/requests.ts'

let app: App
let store: Store
beforeAll(async () => {
  const opened = await openTestApp({ env: { TICKET_DEMO_DATA: '1' } })
  app = opened.app
  store = opened.deps.store
  return opened.close
})

const tickets = async () =>
  (await store.db.select({ n: count() }).from(tablesOf(store.db).tickets))[0]?.n

/** Sends raw bytes with the given headers; returns status and the problem document. */
async function send(
  body: Uint8Array | string,
  headers: Record<string, string>,
  path = '/api/v1/Ticket',
  breach?: Breach
) {
  const init = {
    method: path.includes('/Ticket/') ? 'PATCH' : 'POST',
    headers: { authorization: basicHeader(adminAuth), accept: 'application/json', ...headers },
    body: body as BodyInit,
  }
  const res = await app.request(path, breach ? breaksDocument(init, breach) : init)
  const text = await res.text()
  return { status: res.status, text, body: text ? JSON.parse(text) : undefined }
}

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))))

const json = { 'content-type': 'application/json' }
const xml = { 'content-type': 'application/xml' }
const form = { 'content-type': 'application/x-www-form-urlencoded' }

/** Every case must be a 4xx that stores nothing. */
async function refused(
  body: Uint8Array | string,
  headers: Record<string, string>,
  status = 400,
  path?: string
) {
  const before = await tickets()
  const res = await send(body, headers, path, 'rejected')
  expect(res.status, res.text).toBe(status)
  expect(res.text).not.toMatch(/call stack|at .*\.ts:\d+/)
  expect(await tickets()).toBe(before)
  return res
}

const paths = (res: { body: { errors?: { path: string; code: string }[] } }) =>
  (res.body.errors ?? []).map((e) => `${e.path} ${e.code}`)

describe('one input gate for every format', () => {
  it('refuses bytes that are not UTF-8 in JSON and XML: raw, overlong, encoded surrogates', async () => {
    for (const bad of [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe0, 0x80, 0xaf]]) {
      await refused(bytes('{"Title":"a', bad, 'b"}'), json)
      await refused(bytes('<TicketEntity><Title>a', bad, 'b</Title></TicketEntity>'), xml)
    }
  })

  it('refuses percent-decoded form values that are not UTF-8', async () => {
    for (const bad of ['%FF', '%C0%AF', '%ED%A0%80']) {
      await refused(`Title=a${bad}b`, form)
    }
  })

  it('refuses an escaped lone surrogate and NUL in JSON', async () => {
    await refused('{"Title":"a\\ud800b"}', json)
    await refused('{"Title":"a\\u0000b"}', json)
  })

  it('limits depth under unknown properties, in JSON, XML, Merge Patch and forms', async () => {
    const deep = (n: number) => `${'{"x":'.repeat(n)}1${'}'.repeat(n)}`
    const res = await refused(`{"Title":"t","Unknown":${deep(40)}}`, json)
    expect(paths(res)[0]).toMatch(/^\/Unknown(\/x)+ too_deep$/)
    // Ten thousand levels: refused by the gate, not by the call stack.
    await refused(`{"Unknown":${deep(10_000)}}`, { 'content-type': 'application/merge-patch+json' })
    await refused(`{"Unknown":${deep(10_000)}}`, json)
    await refused(
      `<TicketEntity>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</TicketEntity>`,
      xml
    )
    await refused(`Title=t&${'x.'.repeat(40)}y=1`, form)
  })

  it('limits array and string length everywhere, unknown properties included', async () => {
    const many = await refused(JSON.stringify({ Title: 't', Unknown: Array(1001).fill(1) }), json)
    expect(paths(many)).toEqual(['/Unknown too_many_items'])
    const long = await refused(JSON.stringify({ Title: 't', Unknown: 'x'.repeat(100_001) }), json)
    expect(paths(long)).toEqual(['/Unknown too_long'])
  })

  it('refuses __proto__, constructor and prototype as names, and in JSON Patch pointers', async () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const res = await refused(`{"Title":"t","OwnedBy":{"${name}":{"AssociateId":1}}}`, json)
      expect(paths(res)).toEqual([`/OwnedBy/${name} forbidden_name`])
      await refused(`<TicketEntity><Title>t</Title><${name}>1</${name}></TicketEntity>`, xml)
      await refused(`Title=t&${name}.x=1`, form)
    }
    const patch = JSON.stringify([{ op: 'add', path: '/__proto__/polluted', value: 1 }])
    const res = await refused(patch, { 'content-type': 'application/json-patch+json' })
    expect(paths(res)).toEqual(['/0/path forbidden_name'])
  })

  it('names nested fields in the schema spelling, whatever spelling the client used', async () => {
    const res = await refused(
      JSON.stringify({
        title: 't',
        ownedby: { associateid: 'five' },
        category: { ticketcategoryid: {} },
        person: { PersonId: 2 ** 31 },
      }),
      json
    )
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/Category/TicketCategoryId',
      '/OwnedBy/AssociateId',
      '/Person/PersonId',
    ])
  })

  it('refuses a body TicketId below 0', async () => {
    const res = await refused(JSON.stringify({ TicketId: -1, Title: 't' }), json)
    expect(paths(res)[0]).toMatch(/^\/TicketId /)
  })

  it('refuses an XML body whose root is not the route entity', async () => {
    await refused('<Person><Title>t</Title></Person>', xml)
    expect((await send('<TicketEntity><Title>t</Title></TicketEntity>', xml)).status).toBe(200)
  })

  it('refuses a body without Content-Type (415), an unparseable one (400), and a Content-Encoding (415)', async () => {
    await refused('{"Title":"t"}', {}, 415)
    await refused('{"Title":"t"}', { 'content-type': 'json' }, 400)
    await refused(
      '{"Title":"t"}',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      415
    )
    expect(
      (
        await send('{"Title":"t"}', {
          'content-type': 'application/json',
          'content-encoding': 'identity',
        })
      ).status
    ).toBe(200)
  })

  it('reads text/json like application/json', async () => {
    const res = await send('{"Title":"text json"}', { 'content-type': 'text/json; charset=utf-8' })
    expect(res.status, res.text).toBe(200)
    expect(res.body.Title).toBe('text json')
  })
})
