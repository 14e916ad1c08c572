import type { Context } from 'hono'
import { routePath } from 'hono/route'

/**
 * The route a request is served by, e.g. `PUT /api/v1/Ticket/:id`; agent calls are named by
 * their method (`POST /api/v1/Agents/Ticket/SaveTicketEntity`). The router matched it before
 * any middleware ran, so middleware and handler name the same route.
 */
export function routeOf(c: Context): string {
  // Each agent method is a route of its own, so its path names the method.
  return `${c.req.method} ${routePath(c, -1)}`
}
