import type { Hono } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import { registerCustomFieldRoutes } from '../custom-fields/routes.ts'
import { registerTicketListRoutes } from '../listing/routes.ts'
import { registerMergeRoutes } from '../merge/routes.ts'
import { registerMessageRoutes } from '../messages/message-routes.ts'
import { registerReadStatusRoutes } from '../read-status/read-routes.ts'
import { registerMdoListRoutes } from './mdo-list.ts'
import { registerSessionRoutes } from './session.ts'
import { registerTicketAgentRoutes } from './ticket-agent.ts'
import { registerTicketRoutes } from './tickets.ts'
import { registerTokenRoutes } from './token.ts'

/** Every `/api/v1` resource of the core. Each resource is one line here. */
const registrations: Array<(app: Hono<AppEnv>, deps: AppDeps) => void> = [
  registerTicketListRoutes,
  // Before the ticket routes: /Ticket/CustomField is not a ticket id.
  registerCustomFieldRoutes,
  registerMergeRoutes,
  registerTicketRoutes,
  registerMessageRoutes,
  registerReadStatusRoutes,
  registerTicketAgentRoutes,
  registerMdoListRoutes,
  registerSessionRoutes,
  registerTokenRoutes,
]

export function registerApiRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  for (const register of registrations) {
    register(app, deps)
  }
}
