import {
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  ServerResponse,
} from 'node:http'

/** How long a stop waits for requests in flight before it closes their connections anyway. */
const drainLimitMs = 10_000

/**
 * Lets a stop drain a server: `drain()` stops accepting and resolves once every request in
 * flight has been answered. Each answer whose headers go out from then on says
 * `Connection: close`: a client on a kept-alive connection would otherwise send its next
 * request on it, and the server would never run dry.
 *
 * The server must be created with {@link DrainableServer.serverOptions}: its answers are of a
 * class that checks the stop as their headers are written. Nothing is kept per request. A
 * collection of the answers in flight (added on each request, removed when it closed) was tried
 * and cost a tenth of the server's create throughput: V8 links each outgrown hash table of a
 * Set to its successor, so once one table had reached the old generation, every later answer
 * held in the Set (with its request, its context and all the save made) outlived the
 * young-generation collections and was copied into the old generation, which then needed a
 * full collection about once a second (docs/benchmarks-history.md, "A Set of the answers in
 * flight").
 */
export interface DrainableServer {
  readonly serverOptions: { ServerResponse: typeof ServerResponse }
  drain(server: Server): Promise<void>
}

export function drainableServer(): DrainableServer {
  let stopping = false
  class DrainingResponse<
    Request extends IncomingMessage = IncomingMessage,
  > extends ServerResponse<Request> {
    // Every answer passes here once (an answer sent without it calls it itself).
    override writeHead(statusCode: number, reasonOrHeaders?: unknown, headers?: unknown): this {
      if (stopping) {
        this.setHeader('Connection', 'close')
      }
      // Node takes headers in the second place when no reason phrase is given.
      return super.writeHead(
        statusCode,
        reasonOrHeaders as string | undefined,
        headers as OutgoingHttpHeaders | undefined
      )
    }
  }
  return {
    serverOptions: { ServerResponse: DrainingResponse },
    drain(server) {
      stopping = true
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const limit = setTimeout(() => server.closeAllConnections(), drainLimitMs)
      limit.unref()
      return closed.finally(() => clearTimeout(limit))
    },
  }
}
