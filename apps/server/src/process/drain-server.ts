import type { IncomingMessage, Server, ServerResponse } from 'node:http'

/** How long a stop waits for requests in flight before it closes their connections anyway. */
const drainLimitMs = 10_000

/**
 * Watches `server`'s requests so that `drain()` can stop accepting and resolve once every
 * request in flight has been answered. Each answer sent from then on says `Connection: close`:
 * a client on a kept-alive connection would otherwise send its next request on it, and the
 * server would never run dry.
 */
export function drainable(server: Server) {
  const open = new Set<ServerResponse>()
  let stopping = false
  const closeAfter = (res: ServerResponse) => {
    if (!res.headersSent) {
      res.setHeader('Connection', 'close')
    }
  }
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    open.add(res)
    res.on('close', () => open.delete(res))
    if (stopping) {
      closeAfter(res)
    }
  })
  return {
    drain(): Promise<void> {
      stopping = true
      open.forEach(closeAfter)
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const limit = setTimeout(() => server.closeAllConnections(), drainLimitMs)
      limit.unref()
      return closed.finally(() => clearTimeout(limit))
    },
  }
}
