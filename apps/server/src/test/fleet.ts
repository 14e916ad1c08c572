import pg from 'pg'
import { onTestFinished } from 'vitest'
import { openSse, type SseClient } from './notifications/sse-client.ts'
import { basicHeader } from './requests.ts'
import { type ServerProcess, startServerProcess } from './server-process.ts'

export type Login = { username: string; password: string }

/** Starts `count` real server processes on one database together and waits until all serve. */
export async function startFleet(
  count: number,
  env: Record<string, string>,
  options: { cleanup?: (fn: () => void) => void } = {}
): Promise<ServerProcess[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => startServerProcess(env, options))
  )
  await Promise.all(servers.map((server) => server.ready(60_000)))
  return servers
}

/** JSON over real HTTP; a refused connection (a killed process) comes back as status 0. */
export async function send(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; auth?: Login; headers?: Record<string, string> } = {}
) {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
  if (options.auth) {
    headers.authorization = basicHeader(options.auth)
  }
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json'
  }
  try {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const text = await res.text()
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response shapes
    let body: any
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      body = text
    }
    return { status: res.status, body, text }
  } catch (error) {
    return { status: 0, body: undefined, text: String(error) }
  }
}

/** A live stream as one associate on one process. */
export async function openStream(baseUrl: string, login: Login, lastEventId?: string) {
  const headers: Record<string, string> = {
    authorization: basicHeader(login),
    accept: 'text/event-stream',
  }
  if (lastEventId) {
    headers['last-event-id'] = lastEventId
  }
  const stream: SseClient = await openSse(`${baseUrl}/api/v1/Notification/Stream`, headers)
  if (stream.status !== 200) {
    throw new Error(`stream refused: ${stream.status}`)
  }
  return stream
}

/** A direct connection to the fleet's database, for checking what was committed. */
export async function sqlClient(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  onTestFinished(() => client.end())
  return client
}

/**
 * Polls `check` until it returns true; rejects after `timeoutMs`. Returns when the check that
 * succeeded began, from the start: how long the change took to be seen, not how long the check
 * took to run.
 */
export async function until(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string
): Promise<number> {
  const started = Date.now()
  for (;;) {
    const attempt = Date.now()
    if (await check()) {
      return attempt - started
    }
    if (Date.now() - started > timeoutMs + 5_000) {
      throw new Error(`${what}: not within ${timeoutMs} ms`)
    }
    await new Promise((r) => setTimeout(r, 20))
  }
}
