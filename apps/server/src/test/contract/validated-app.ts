import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import { checkExchange } from './check-exchange.ts'
import { recordExchange } from './ledger.ts'

type Fetch = (request: Request, ...rest: never[]) => Response | Promise<Response>

/** What the hook wraps: a Hono app (its `request` calls its own `fetch`). */
export interface FetchingApp {
  fetch: Fetch
  request: (
    input: string | URL | Request,
    init?: RequestInit,
    ...rest: never[]
  ) => Response | Promise<Response>
}

/**
 * Why a request may break the published document: `rejected`, bad input the server must refuse
 * (4xx); `tolerated`, a spelling the server accepts beyond the document (2xx), such as
 * case-insensitive names; `hostile`, generated input the server may take or refuse (below 500).
 */
export type Breach = 'rejected' | 'tolerated' | 'hostile'

const expectedAnswer: Record<Breach, [number, number]> = {
  rejected: [400, 499],
  tolerated: [200, 299],
  hostile: [200, 499],
}

const breakingInits = new WeakMap<RequestInit, Breach>()
const breakingRequests = new WeakMap<Request, Breach>()

/**
 * Marks one request that may break the published document on purpose (one case of a table of
 * bad inputs may still meet it). The hook then does not hold the request to the document, but
 * expects the answer `breach` says and still validates that answer against the document. An
 * unmarked request must meet the document.
 * @example await app.request('/api/v1/Ticket/abc', breaksDocument({ headers }))
 */
export function breaksDocument<T extends RequestInit>(init: T, breach: Breach = 'rejected'): T {
  breakingInits.set(init, breach)
  return init
}

/**
 * Makes every request the app serves (through `app.request` or `app.fetch`, so also a real
 * socket in front of it) and its response meet the published OpenAPI document. A violation
 * throws from the request, and the test fails on it even if it caught that error.
 */
export function validateAgainstDocument<A extends FetchingApp>(app: A): A {
  const serve = app.fetch
  const fetch: Fetch = async (sent, ...rest) => {
    const [request, marked] = withoutBreachHeader(sent)
    const requestBody = request.body
      ? new Uint8Array(await request.clone().arrayBuffer())
      : undefined
    const response = await serve(request, ...rest)
    await check(request, requestBody, response, marked ?? breakingRequests.get(sent))
    return response
  }
  app.fetch = fetch
  app.request = (input, init, ...rest) => {
    const request =
      input instanceof Request
        ? init
          ? new Request(input, init)
          : input
        : new Request(new URL(input, 'http://localhost'), init)
    const breach = init && breakingInits.get(init)
    if (breach) {
      breakingRequests.set(request, breach)
    }
    return fetch(request, ...rest)
  }
  return app
}

/**
 * The mark for a request sent over a real socket (`test/listen.ts`), where the hook cannot see
 * the test's RequestInit: a header the hook takes off before the app sees the request.
 * @example fetch(url, { headers: { [BREACH_HEADER]: 'rejected' } })
 */
export const BREACH_HEADER = 'x-test-breaks-document'

function withoutBreachHeader(request: Request): [Request, Breach | undefined] {
  const breach = request.headers.get(BREACH_HEADER)
  if (breach === null) {
    return [request, undefined]
  }
  const headers = new Headers(request.headers)
  headers.delete(BREACH_HEADER)
  return [new Request(request, { headers }), breach as Breach]
}

async function check(
  request: Request,
  requestBody: Uint8Array | undefined,
  response: Response,
  breach: Breach | undefined
) {
  const findings = await checkExchange(
    {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: requestBody,
    },
    { status: response.status, headers: response.headers, body: await responseBody(response) }
  )
  const violations: string[] = []
  if (breach) {
    const [lowest, highest] = expectedAnswer[breach]
    if (response.status < lowest || response.status > highest) {
      violations.push(`breaks the document (${breach}), yet the server answered ${response.status}`)
    }
  } else {
    violations.push(...findings.request.map((finding) => `request: ${finding}`))
  }
  violations.push(...findings.response.map((finding) => `response: ${finding}`))
  const what = `${request.method} ${new URL(request.url).pathname}${new URL(request.url).search} → ${response.status}`
  const messages = violations.map((violation) => `${what}: ${violation}`)
  recordExchange(messages)
  if (messages.length > 0) {
    throw new Error(
      `The exchange does not meet the published OpenAPI document:\n${messages.join('\n')}`
    )
  }
}

/** The body as sent on the wire, decoded from its Content-Encoding; a live stream is not read. */
async function responseBody(response: Response): Promise<Uint8Array | undefined> {
  if (!response.body || /^text\/event-stream/i.test(response.headers.get('content-type') ?? '')) {
    return undefined
  }
  const bytes = new Uint8Array(await response.clone().arrayBuffer())
  switch (response.headers.get('content-encoding')?.toLowerCase()) {
    case 'gzip':
      return gunzipSync(bytes)
    case 'br':
      return brotliDecompressSync(bytes)
    case 'deflate':
      return inflateSync(bytes)
    default:
      return bytes
  }
}
