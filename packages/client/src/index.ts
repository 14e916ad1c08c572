import createClient, { type Client } from 'openapi-fetch'
import type { paths } from './generated/api.d.ts'

export type { components, operations, paths } from './generated/api.d.ts'

/** How the client proves who it is; every scheme the service accepts. */
export type TicketClientAuth =
  | { basic: { username: string; password: string } }
  | { bearer: string }
  | { soTicket: string; appToken?: string }
  | { none: true }

export interface TicketClientOptions {
  baseUrl: string
  auth: TicketClientAuth
  /** Injected transport: tests pass `async (request) => app.fetch(request)`. */
  fetch?: (request: Request) => Promise<Response>
  /** Extra headers on every call (`SO-Language`, `SO-TimeZone`, …). */
  headers?: Record<string, string>
}

export type TicketClient = Client<paths>

function authHeaders(auth: TicketClientAuth): Record<string, string> {
  if ('basic' in auth) {
    const token = Buffer.from(`${auth.basic.username}:${auth.basic.password}`).toString('base64')
    return { Authorization: `Basic ${token}` }
  }
  if ('bearer' in auth) {
    return { Authorization: `Bearer ${auth.bearer}` }
  }
  if ('soTicket' in auth) {
    return {
      Authorization: `SOTicket ${auth.soTicket}`,
      ...(auth.appToken ? { 'SO-AppToken': auth.appToken } : {}),
    }
  }
  return {}
}

/**
 * A typed client for the Ticket service, generated from its OpenAPI document.
 * @example
 * const client = createTicketClient({ baseUrl: 'http://127.0.0.1:8787', auth: { basic: { username: 'admin', password } } })
 * const { data, error } = await client.POST('/api/v1/Ticket', { params: { query: { notify: true } }, body: { Title: 'Printer on fire' } })
 */
export function createTicketClient(options: TicketClientOptions): TicketClient {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    headers: { ...authHeaders(options.auth), ...options.headers },
  })
}
