import type { App } from '../app.ts'
import { type Breach, breaksDocument } from './contract/validated-app.ts'

export const adminAuth = { username: 'admin', password: 'admin-test-password' }

export const basicHeader = (auth: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`

/**
 * Sends JSON to the in-process app as the admin (or `auth`), returning status, headers and the
 * parsed body, so an assertion message can show what came back.
 */
export async function call(
  app: App,
  method: string,
  path: string,
  body?: unknown,
  options: {
    auth?: { username: string; password: string } | null
    headers?: Record<string, string>
    /** The request breaks the published document on purpose (see breaksDocument). */
    breaksDocument?: Breach
  } = {}
) {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
  if (options.auth !== null) {
    headers.authorization = basicHeader(options.auth ?? adminAuth)
  }
  if (body !== undefined) {
    headers['content-type'] ??= 'application/json'
  }
  const init = {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  }
  const res = await app.request(
    path,
    options.breaksDocument ? breaksDocument(init, options.breaksDocument) : init
  )
  const text = await res.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = text
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response shapes
  return { status: res.status, headers: res.headers, body: json as any, text }
}
