import createClient, {
  type Client,
  type ClientPathsWithMethod,
  type FetchResponse,
  type MaybeOptionalInit,
} from 'openapi-fetch'
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

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch'
type Operation<Path extends keyof paths, M extends Method> = Extract<paths[Path][M], object>
type Init<Path extends keyof paths, M extends Method> = MaybeOptionalInit<paths[Path], M>

/**
 * openapi-fetch's method with the options typed from the path instead of inferred from the
 * argument. openapi-fetch infers them and then only checks that the inferred type fits, and a
 * request body's type (all-optional properties, intersected with `{}` by its `Writable`) then
 * fits any object: `{ Titel: 'x' }` passed. Typed from the path, the options literal is checked
 * as written, so an unknown property is an error at any depth. Same function at run time.
 */
type CheckedMethod<M extends Method> = <Path extends ClientPathsWithMethod<Client<paths>, M>>(
  url: Path,
  ...init: undefined extends Init<Path, M> ? [init?: Init<Path, M>] : [init: Init<Path, M>]
) => Promise<FetchResponse<Operation<Path, M>, Init<Path, M>, `${string}/${string}`>>

export type TicketClient = Omit<Client<paths>, Uppercase<Method>> & {
  [M in Method as Uppercase<M>]: CheckedMethod<M>
} & {
  /** `POST /api/v1/Ticket`: creates (no TicketId) or updates a ticket. */
  saveTicket(body: TicketInput, options?: { notify?: boolean }): ReturnType<TicketClient['POST']>
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
  const checked = client as unknown as Omit<TicketClient, 'saveTicket'>
  return Object.assign(checked, {
    saveTicket: (body: TicketInput, save: { notify?: boolean } = {}) =>
      checked.POST('/api/v1/Ticket', { params: { query: { notify: save.notify } }, body }),
  })
}
