import { tryGetContext } from 'hono/context-storage'
import { routePath } from 'hono/route'

/**
 * The route of the request being served, e.g. `PUT /api/v1/Ticket/:id`; agent calls are named
 * by their method (`POST /api/v1/Agents/Ticket/SaveTicketEntity`). Undefined outside a request.
 */
export function currentRoute(): string | undefined {
  const c = tryGetContext()
  if (!c) {
    return undefined
  }
  // Each agent method is a route of its own, so its path names the method.
  return `${c.req.method} ${routePath(c, -1)}`
}
