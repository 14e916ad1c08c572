import { ops, type TicketMessageEntity } from '@ticket/schema'
import type { Hono } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import { entityToSave, newEntityOf } from '../http/entity-to-save.ts'
import { route } from '../http/route.ts'
import { answerInTransaction } from '../idempotency/answer-in-transaction.ts'
import { messageServiceOf } from './message-service-factory.ts'

/** The Ticket agent's message methods; same code path as the REST routes. */
export function registerMessageAgentRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const messages = messageServiceOf(deps)
  route(app, ops.TicketAgent_SaveTicketMessageEntity, async (c, { body, send }) => {
    const entity = entityToSave(body)
    return answerInTransaction<TicketMessageEntity>(
      c,
      (beforeCommit) =>
        messages.save(c.get('caller'), { input: entity, notify: false, files: [], beforeCommit }),
      (saved) => send(saved)
    )
  })
  route(app, ops.TicketAgent_SaveTicketMessageEntityWithNotify, async (c, { body, send }) => {
    const entity = newEntityOf(body)
    return answerInTransaction<TicketMessageEntity>(
      c,
      (beforeCommit) =>
        messages.save(c.get('caller'), {
          input: entity,
          notify: body?.Notify === true,
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
