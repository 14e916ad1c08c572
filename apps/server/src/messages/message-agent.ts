import { ops, type TicketMessageEntity } from '@ticket/schema'
import type { Hono } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { route } from '../http/route.ts'
import { answerInTransaction } from '../idempotency/answer-in-transaction.ts'
import { messageServiceOf } from './message-service-factory.ts'

/** The Ticket agent's message methods; same code path as the REST routes. */
export function registerMessageAgentRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const messages = messageServiceOf(deps)
  route(app, ops.TicketAgent_SaveTicketMessageEntity, async (c, { body, send }) => {
    if (body === null) {
      throw new ApiError('BAD_REQUEST', 'Entity to save is not in request body.')
    }
    return answerInTransaction<TicketMessageEntity>(
      c,
      (beforeCommit) =>
        messages.save(c.get('caller'), { input: body, notify: false, files: [], beforeCommit }),
      (saved) => send(saved)
    )
  })
  route(app, ops.TicketAgent_SaveTicketMessageEntityWithNotify, async (c, { body, send }) => {
    if (!body?.NewEntity) {
      throw new ApiError('BAD_REQUEST', 'newEntity is required.', {
        errors: [{ path: '/NewEntity', message: 'required', code: 'required' }],
      })
    }
    const entity = body.NewEntity
    return answerInTransaction<TicketMessageEntity>(
      c,
      (beforeCommit) =>
        messages.save(c.get('caller'), {
          input: entity,
          notify: body.Notify === true,
          files: [],
          beforeCommit,
        }),
      (saved) => send(saved)
    )
  })
  route(app, ops.TicketAgent_GetTicketMessageEntity, async (c, { query, send }) =>
    send((await messages.read(c.get('caller'), query.ticketMessageEntityId)) ?? null)
  )
}
