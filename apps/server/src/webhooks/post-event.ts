import { signBody } from './signature.ts'

export interface OutgoingEvent {
  targetUrl: string
  secret: string
  event: string
  eventId: string
  /** 1 for the first try. */
  attempt: number
  body: string
}

export type PostOutcome =
  | { ok: true; status: number }
  | { ok: false; status: number | null; error: string }

/**
 * POSTs one signed event. Never throws: a refused connection, a timeout or a non-2xx answer is
 * an outcome the caller records. Redirects are not followed (the signature is for this target).
 */
export async function postEvent(event: OutgoingEvent, timeoutMs: number): Promise<PostOutcome> {
  try {
    const response = await fetch(event.targetUrl, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'Content-Type': 'application/json',
        'X-SuperOffice-Event': event.event,
        'X-SuperOffice-EventId': event.eventId,
        'X-SuperOffice-Retry': String(event.attempt),
        'X-SuperOffice-Signature': signBody(event.body, event.secret),
      },
      body: event.body,
    })
    // Drain the answer so the connection is released; its content does not matter.
    await response.arrayBuffer().catch(() => undefined)
    if (response.status >= 200 && response.status < 300) {
      return { ok: true, status: response.status }
    }
    return { ok: false, status: response.status, error: `HTTP ${response.status}` }
  } catch (error) {
    return { ok: false, status: null, error: describeFailure(error, timeoutMs) }
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`
  }
  const cause = error instanceof Error ? error.cause : undefined
  const detail =
    cause instanceof Error ? `${(cause as NodeJS.ErrnoException).code ?? ''} ${cause.message}` : ''
  const message = error instanceof Error ? error.message : String(error)
  return `${message}${detail ? `: ${detail.trim()}` : ''}`.slice(0, 2000)
}
