import createClient, { type Client } from 'openapi-fetch'
import type { components, paths } from './generated/api.d.ts'

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

/** What a ticket save sends: every property optional, read-only ones absent (TicketEntityInput). */
export type TicketInput = components['schemas']['TicketEntityInput']

export type TicketClient = Client<paths> & {
  /**
   * `POST /api/v1/Ticket`: creates (no TicketId) or updates a ticket. Unlike the generic
   * `POST`, whose body type is inferred, a misspelt property is a type error here.
   */
  saveTicket(body: TicketInput, options?: { notify?: boolean }): ReturnType<Client<paths>['POST']>
}

/**
 * Base64 of the UTF-8 bytes of `text`, with what every runtime has (browsers, Node, Deno, workers):
 * `btoa` alone takes only Latin-1 characters.
 */
function base64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) {
    binary += String.fromCharCode(byte)
  }
  return btoa(binary)
}

function authHeaders(auth: TicketClientAuth): Record<string, string> {
  if ('basic' in auth) {
    return { Authorization: `Basic ${base64(`${auth.basic.username}:${auth.basic.password}`)}` }
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
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    headers: { ...authHeaders(options.auth), ...options.headers },
  })
  return Object.assign(client, {
    saveTicket: (body: TicketInput, save: { notify?: boolean } = {}) =>
      client.POST('/api/v1/Ticket', { params: { query: { notify: save.notify } }, body }),
  })
}
