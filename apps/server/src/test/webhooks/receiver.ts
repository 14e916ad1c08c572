import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { onTestFinished } from 'vitest'

export interface ReceivedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** The raw body, exactly as it arrived. */
  body: string
  /** Arrival time (ms since the epoch). */
  at: number
}

/** What the receiver answers to its n-th request (0-based): a status, late, or never (hang). */
export type Answer = number | { status: number; delayMs: number } | 'hang'

/**
 * A real HTTP server on a loopback port, recording every request; closed when the test ends.
 * @example const hook = await startReceiver((n) => (n < 2 ? 500 : 200))
 */
export async function startReceiver(answer: (n: number, request: ReceivedRequest) => Answer) {
  const requests: ReceivedRequest[] = []
  const hanging = new Set<ServerResponse>()
  const waiters: Array<{ count: number; resolve: () => void }> = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      }
      const reply = answer(requests.length, request)
      requests.push(request)
      for (const waiter of waiters.filter((w) => requests.length >= w.count)) {
        waiter.resolve()
      }
      if (reply === 'hang') {
        hanging.add(res)
        return
      }
      const { status, delayMs } = typeof reply === 'number' ? { status: reply, delayMs: 0 } : reply
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'text/plain' }).end(`answered ${status}`)
      }, delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const close = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) {
        res.destroy()
      }
      server.closeAllConnections()
      server.close(() => resolve())
    })
  onTestFinished(close)
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    close,
    /** Resolves once `count` requests have arrived (or rejects after `timeoutMs`). */
    received(count: number, timeoutMs = 10_000) {
      if (requests.length >= count) {
        return Promise.resolve(requests)
      }
      return new Promise<ReceivedRequest[]>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`receiver got ${requests.length} of ${count} requests`)),
          timeoutMs
        )
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer)
            resolve(requests)
          },
        })
      })
    },
  }
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>
