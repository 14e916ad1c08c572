import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { TicketEntity } from '@ticket/schema'
import { valueToXml } from '../src/http/xml/value-to-xml.ts'
import type { LoadRequest } from './load.ts'
import { serverRoot } from './processes.ts'

/** What every scenario may use, prepared once per server by `prepareContext`. */
export interface BenchContext {
  url: string
  headers: Record<string, string>
  /** The sample ticket with the demo tenant's ids, TicketId 0: a create. */
  ticket: Record<string, unknown>
  /** A ticket that exists, for reads and updates. */
  ticketId: number
  /** A ticket new messages are added to. */
  messageTicketId: number
  /** A ticket with 20 messages (10 from the customer, 10 replies), for reads. */
  conversationTicketId: number
}

export interface Scenario {
  /** Short, stable name: it keys the targets and the table in BENCHMARKS.md. */
  name: string
  request(context: BenchContext): LoadRequest
  /**
   * Statuses that are the right answer under this load, counted apart from non-2xx: sixteen
   * connections patching one ticket race, and optimistic concurrency answers the loser 412.
   */
  tolerated?: number[]
}

const json = (context: BenchContext) => ({
  ...context.headers,
  'content-type': 'application/json',
})

/**
 * Every request the benchmark races against the baseline. Add a scenario by appending one
 * entry; the runner measures it on both dialects and prints it.
 */
export const scenarios: Scenario[] = [
  {
    name: 'create',
    request: (c) => ({
      url: `${c.url}/api/v1/Ticket`,
      method: 'POST',
      headers: json(c),
      body: JSON.stringify(c.ticket),
    }),
  },
  {
    name: 'create notify=true',
    request: (c) => ({
      url: `${c.url}/api/v1/Ticket?notify=true`,
      method: 'POST',
      headers: json(c),
      body: JSON.stringify(c.ticket),
    }),
  },
  {
    name: 'update by id (PUT)',
    request: (c) => ({
      url: `${c.url}/api/v1/Ticket/${c.ticketId}`,
      method: 'PUT',
      headers: json(c),
      body: JSON.stringify({ ...c.ticket, TicketId: c.ticketId }),
    }),
  },
  {
    name: 'GET by id',
    request: (c) => ({
      url: `${c.url}/api/v1/Ticket/${c.ticketId}`,
      method: 'GET',
      headers: c.headers,
    }),
  },
  {
    // As browsers and HTTP libraries ask: the answer compressed (br).
    name: 'GET by id br',
    request: (c) => ({
      url: `${c.url}/api/v1/Ticket/${c.ticketId}`,
      method: 'GET',
      headers: { ...c.headers, 'accept-encoding': 'gzip, deflate, br' },
    }),
  },
  {
    // No authentication, no query, a few bytes: the most the HTTP stack and the middleware
    // every request passes allow, the ceiling of any API scenario.
    name: 'GET /healthz',
    request: (c) => ({ url: `${c.url}/healthz`, method: 'GET', headers: {} }),
  },
  {
    name: 'PATCH (JSON Patch)',
    request: (c) => ({
      url: `${c.url}/api/v1/Ticket/${c.ticketId}`,
      method: 'PATCH',
      headers: { ...c.headers, 'content-type': 'application/json-patch+json' },
      body: JSON.stringify([{ op: 'replace', path: '/Title', value: 'patched by the benchmark' }]),
    }),
    tolerated: [412],
  },
  {
    name: 'agent SaveTicketEntity',
    request: (c) => ({
      url: `${c.url}/api/v1/Agents/Ticket/SaveTicketEntity`,
      method: 'POST',
      headers: json(c),
      body: JSON.stringify(c.ticket),
    }),
  },
  {
    name: 'XML create',
    request: (c) => ({
      url: `${c.url}/api/v1/Ticket`,
      method: 'POST',
      headers: { ...c.headers, 'content-type': 'application/xml', accept: 'application/xml' },
      body: valueToXml(c.ticket, 'TicketEntity', TicketEntity),
    }),
  },
  {
    name: 'create a message',
    request: (c) => ({
      url: `${c.url}/api/v1/TicketMessage`,
      method: 'POST',
      headers: json(c),
      body: JSON.stringify(messageOf(c.messageTicketId, 1)),
    }),
  },
  {
    name: 'GET a ticket with 20 messages',
    request: (c) => ({
      url: `${c.url}/api/v1/Ticket/${c.conversationTicketId}`,
      method: 'GET',
      headers: c.headers,
    }),
  },
  {
    name: 'GET /MDOList/associate',
    request: (c) => ({
      url: `${c.url}/api/v1/MDOList/associate`,
      method: 'GET',
      headers: c.headers,
    }),
  },
]

const sample = JSON.parse(
  readFileSync(
    resolve(serverRoot, '../../packages/schema/src/entities/fixtures/post-ticket-sample.json'),
    'utf8'
  )
) as Record<string, unknown>

/** A message of about 1 KB; odd ones are replies, even ones come as internal notes. */
const messageOf = (ticketId: number, n: number) => ({
  TicketId: ticketId,
  Slevel: n % 2 === 1 ? 'External' : 'Internal',
  Type: 'Html',
  Body: `Message ${n}. ${'The printer on the third floor prints blank pages again. '.repeat(8)}`,
  HtmlBody: `<p>Message ${n}.</p><p>${'The printer prints blank pages again. '.repeat(8)}</p>`,
  TimeSpent: 5,
})

export const benchCredentials = { user: 'admin', password: 'bench-password' }

/**
 * The sample body with ids of the demo tenant (read through the API, as a client would), and a
 * first ticket. The first request of a credential also pays the slow password hash, once.
 */
export async function prepareContext(url: string): Promise<BenchContext> {
  // Listening is not ready: /readyz answers 200 once the server takes requests.
  while ((await fetch(`${url}/readyz`)).status !== 200) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const { user, password } = benchCredentials
  const headers = {
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  }
  const ids = async (list: string) => {
    const res = await fetch(`${url}/api/v1/MDOList/${list}`, { headers })
    if (!res.ok) {
      throw new Error(`MDOList/${list}: ${res.status} ${await res.text()}`)
    }
    return ((await res.json()) as { Id: number }[]).map((item) => item.Id).filter((id) => id > 0)
  }
  const [associates, categories, persons] = await Promise.all([
    ids('associate'),
    ids('ejcategory'),
    ids('person_new'),
  ])
  const ticket = {
    ...sample,
    TicketId: 0,
    OwnedBy: { AssociateId: associates[1] },
    Category: { TicketCategoryId: categories[0] },
    Person: { PersonId: persons[0] },
    SecondaryPersons: [{ PersonId: persons[1] }],
  }
  const created = await fetch(`${url}/api/v1/Ticket`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(ticket),
  })
  if (!created.ok) {
    throw new Error(`the first create failed: ${created.status} ${await created.text()}`)
  }
  const { TicketId } = (await created.json()) as { TicketId: number }
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!res.ok) {
      throw new Error(`POST ${path}: ${res.status} ${await res.text()}`)
    }
    return res.json() as Promise<{ TicketId: number }>
  }
  const messageTicket = await post('/api/v1/Ticket', ticket)
  const conversation = await post('/api/v1/Ticket', ticket)
  for (let n = 1; n <= 20; n += 1) {
    await post('/api/v1/TicketMessage', messageOf(conversation.TicketId, n))
  }
  return {
    url,
    headers,
    ticket,
    ticketId: TicketId,
    messageTicketId: messageTicket.TicketId,
    conversationTicketId: conversation.TicketId,
  }
}
