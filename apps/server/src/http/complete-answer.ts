import type { Context } from 'hono'
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status'

/**
 * What one middleware adds to an answer's headers on its way out, applied to the answer's
 * headers as a plain object with lowercase names.
 */
export type HeaderStep = (headers: Record<string, string>) => void

/**
 * The steps of the middleware a request has passed, outermost first; absent: no fast path.
 * Kept on the request's context itself, not in a WeakMap keyed by it: V8's young-generation
 * collections carried such entries (the steps and what their closures hold) into the old
 * generation, most of what a GET moved there, so full collections came more often
 * (docs/benchmarks-history.md, "Measurements of the header-steps stop").
 */
const stepsKey = Symbol('header steps')
type StepsHolder = { [stepsKey]?: HeaderStep[] | undefined }
const holder = (c: Context) => c as Context & StepsHolder
/** Answers born with every header the middleware would add: the middleware leaves them alone. */
const completeAnswers = new WeakSet<Response>()

/**
 * Opens the fast path for the request (not a HEAD: its answer is rebuilt from its GET's). Called
 * by the outermost middleware.
 */
export function openCompleteAnswer(c: Context) {
  if (c.req.method !== 'HEAD') {
    holder(c)[stepsKey] = []
  }
}

/**
 * Sets a header on the answer to come (`c.header`), closing the fast path first: an answer built
 * in advance would not carry it, while `c.body` does. Every header a route or middleware prepares
 * before the answer exists goes through here (cookies through `closeCompleteAnswer`); wrapping
 * `c.header` per request instead made V8 promote each request's context, and full collections
 * came about fifteen times as often (docs/benchmarks-history.md, "Answers born complete for
 * every method").
 */
export function prepareHeader(c: Context, name: string, value: string) {
  closeCompleteAnswer(c)
  c.header(name, value)
}

/**
 * A middleware that adds headers on the way out says so on the way in: `step` is what it would
 * add. Once an answer is built with every step applied, the middleware skips its own edit.
 */
export function addHeaderStep(c: Context, step: HeaderStep) {
  holder(c)[stepsKey]?.push(step)
}

/** A middleware that cannot say in advance what it adds (it reads the answer) closes the path. */
export function closeCompleteAnswer(c: Context) {
  holder(c)[stepsKey] = undefined
}

/** Whether `res` already carries what the middleware would add. */
export const isCompleteAnswer = (res: Response) => completeAnswers.has(res)

/**
 * Answers `c.body(body, status, headers)` would, with the headers the middleware adds on the way
 * out already in place, as one plain object: a header edited after the answer is built turns it
 * into a web `Headers`, which costs more to build, fill and write than the rest of a small GET.
 * The bytes on the wire are the same: lowercase names in sorted order (as `Headers` lists them)
 * and the `Content-Length` the server would append last.
 */
export function completeAnswer(
  c: Context,
  body: string | Uint8Array<ArrayBuffer> | null,
  status: StatusCode,
  headers: Record<string, string>
): Response {
  const steps = holder(c)[stepsKey]
  if (steps === undefined) {
    return body === null
      ? c.body(null, status, headers)
      : c.body(body, status as ContentfulStatusCode, headers)
  }
  const all: Record<string, string> = {}
  for (const name in headers) {
    all[name.toLowerCase()] = headers[name] as string
  }
  // On the way out the innermost middleware edits first.
  for (let i = steps.length - 1; i >= 0; i--) {
    steps[i]?.(all)
  }
  const sorted: Record<string, string | number> = {}
  for (const name of Object.keys(all).sort()) {
    sorted[name] = all[name] as string
  }
  if (body !== null) {
    sorted['Content-Length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength
  }
  const answer = new Response(body, { status, headers: sorted as Record<string, string> })
  completeAnswers.add(answer)
  return answer
}
