import { ops, type ReadStatus } from '@ticket/schema'
import type { Hono } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import type { Caller } from '../auth/caller.ts'
import { ApiError } from '../http/api-error.ts'
import { route } from '../http/route.ts'
import { withRights } from '../tickets/present-ticket.ts'
import { setTicketReadByOwner } from './set-read-by-owner.ts'

async function setRead(deps: AppDeps, caller: Caller, id: number, status: ReadStatus) {
  const changed = await setTicketReadByOwner(deps, caller, id, status)
  const ticket = changed ? withRights(changed, caller) : await deps.tickets.read(caller, id)
  if (!ticket) {
    throw new ApiError('NOT_FOUND', `Ticket ${id} does not exist.`)
  }
  return ticket
}

/** `POST /api/v1/Ticket/{id}/ReadByOwner?readStatus=Green` and its agent twin. */
export function registerReadStatusRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  route(app, ops.SetTicketReadByOwner, async (c, { params: { id }, query, send }) =>
    send(await setRead(deps, c.get('caller'), id, query.readStatus ?? 'Green'))
  )
  registerReadStatusAgentRoute(app, deps)
}

/** The agent's `SetTicketReadByOwner`: body `{ ticketId, readStatus }`, answers 204. */
function registerReadStatusAgentRoute(app: Hono<AppEnv>, deps: AppDeps) {
  route(app, ops.TicketAgent_SetTicketReadByOwner, async (c, { body }) => {
    const id = body?.TicketId
    if (!id || id <= 0) {
      throw new ApiError('VALIDATION', 'ticketId must be a positive integer.', {
        errors: [{ path: '/TicketId', message: 'required', code: 'required' }],
      })
    }
    await setRead(deps, c.get('caller'), id, body?.ReadStatus ?? 'Green')
    return c.body(null, 204)
  })
}
