import { onTestFinished } from 'vitest'

export interface SseEvent {
  event: string
  id: string
  data: string
}

export interface SseClient {
  status: number
  contentType: string | null
  /** Events in arrival order; `comments` counts `:` lines (heartbeats). */
  events: SseEvent[]
  comments: string[]
  /** Resolves when the server ends the stream. */
  ended: Promise<void>
  next(count: number, timeoutMs?: number): Promise<SseEvent[]>
  close(): void
}

/** Reads a Server-Sent Events response over real HTTP with fetch, for tests. */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  const abort = new AbortController()
  onTestFinished(() => abort.abort())
  const res = await fetch(url, { headers, signal: abort.signal })
  const client: SseClient = {
    status: res.status,
    contentType: res.headers.get('content-type'),
    events: [],
    comments: [],
    ended: Promise.resolve(),
    next: async (count, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs
      while (client.events.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`${client.events.length} of ${count} events arrived`)
        }
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      return client.events.slice(0, count)
    },
    close: () => abort.abort(),
  }
  if (!res.body) {
    return client
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
  client.ended = (async () => {
    let buffer = ''
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) {
          return
        }
        buffer += value
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          parseBlock(buffer.slice(0, end), client)
          buffer = buffer.slice(end + 2)
          end = buffer.indexOf('\n\n')
        }
      }
    } catch {
      // aborted by the test
    }
  })()
  return client
}

function parseBlock(block: string, client: SseClient) {
  const event: SseEvent = { event: 'message', id: '', data: '' }
  const data: string[] = []
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      client.comments.push(line.slice(1).trim())
      continue
    }
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') {
      event.event = value
    } else if (field === 'id') {
      event.id = value
    } else if (field === 'data') {
      data.push(value)
    }
  }
  if (data.length > 0) {
    client.events.push({ ...event, data: data.join('\n') })
  }
}
