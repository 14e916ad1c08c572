import { operations } from '@ticket/schema'
import { getPath } from 'hono/utils/url'

const agentPath = /^(\/api\/v1\/Agents\/[^/]+\/)([^/]+)$/

const keyOf = (agent: string, method: string) => agent + method.toLowerCase()

/** Each agent operation's path, keyed by its agent and its method name in lower case. */
const agentPaths = new Map(
  operations.flatMap((op) => {
    const match = agentPath.exec(op.path)
    return match?.[1] && match[2] ? [[keyOf(match[1], match[2]), op.path] as const] : []
  })
)

/**
 * The path a request is routed by: its own, except that an agent method's name matches in any
 * case (`/api/v1/Agents/Ticket/getticketentity` is `GetTicketEntity`), as SuperOffice's agents
 * do. Every agent method is then an operation bound like any other route.
 */
export function routingPath(request: Request): string {
  const path = getPath(request)
  const match = agentPath.exec(path)
  if (!match?.[1] || !match[2]) {
    return path
  }
  return agentPaths.get(keyOf(match[1], match[2])) ?? path
}
