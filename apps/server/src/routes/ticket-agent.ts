import { ops, type TicketEntity } from '@ticket/schema'
import type { Context, Hono } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { entityToSave, newEntityOf } from '../http/entity-to-save.ts'
import { route } from '../http/route.ts'
import { sendKept } from '../http/send-kept.ts'
import { answerInTransaction } from '../idempotency/answer-in-transaction.ts'
import { applySelect } from '../tickets/present-ticket.ts'
import { ticketAnswersOf } from './ticket-answers.ts'

/** An id from the query string (how SuperOffice's client sends it) or else from the body. */
function entityId(c: Context<AppEnv>, fromBody: number | undefined): number {
  const raw = new URL(c.req.url).searchParams
  for (const [name, value] of raw) {
    if (name.toLowerCase() === 'ticketentityid' && value !== '') {
      return positiveId(Number(value), value)
    }
  }
  return positiveId(fromBody, String(fromBody ?? 'nothing'))
}

function positiveId(id: number | undefined, sent: string): number {
  if (id === undefined || !Number.isSafeInteger(id) || id <= 0 || id > 2147483647) {
    throw new ApiError('VALIDATION', 'ticketEntityId must be a positive integer.', {
      errors: [
        {
          path: '/ticketEntityId',
          message: `expected a positive integer, got ${sent}`,
          code: 'type',
        },
      ],
    })
  }
  return id
}

/**
 * The Ticket agent's ticket methods: what `@superoffice/webapi` calls. Same code path as the REST
 * routes; the difference is the envelope, that method names match in any case (`routingPath`)
 * and that a missing ticket is `200 null` (see docs/decisions.md). The message and read-status
 * methods are registered by their features.
 */
export function registerTicketAgentRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { tickets } = deps
  const answers = ticketAnswersOf(deps)
  route(app, ops.TicketAgent_CreateDefaultTicketEntity, async (c, { send }) =>
    send(await tickets.defaultEntity(c.get('caller')))
  )
  route(app, ops.TicketAgent_SaveTicketEntity, async (c, { body, send }) => {
    const entity = entityToSave(body)
    return answerInTransaction<TicketEntity>(
      c,
      (beforeCommit) =>
        tickets.save(c.get('caller'), { input: entity, notify: false, beforeCommit }),
      (saved) => send(saved)
    )
  })
  route(app, ops.TicketAgent_SaveTicketEntityWithNotify, async (c, { body, send }) => {
    const entity = newEntityOf(body)
    return answerInTransaction<TicketEntity>(
      c,
      (beforeCommit) =>
        tickets.save(c.get('caller'), {
          input: entity,
          notify: body?.Notify === true,
          beforeCommit,
        }),
      (saved) =>
        send(applySelect(saved, new URL(c.req.url).searchParams.get('$select') ?? undefined))
    )
  })
  route(app, ops.TicketAgent_GetTicketEntity, async (c, { query, send, render }) => {
    const found = await answers.read(c, query.ticketEntityId, query.$select, {
      links: false,
      render,
    })
    return found ? sendKept(c, answers.cache, found.answer, {}) : send(null)
  })
  route(app, ops.TicketAgent_GetTicket, async (_c, { query, send }) => {
    const [ticket] = await tickets.readFlat([query.ticketId])
    return send(ticket ?? null)
  })
  route(app, ops.TicketAgent_GetTickets, async (_c, { body, send }) => {
    const ids = body?.TicketIds ?? []
    return send(await tickets.readFlat(ids.filter((id) => id > 0)))
  })
  route(app, ops.TicketAgent_DeleteTicketEntity, async (c, { body }) => {
    await tickets.delete(c.get('caller'), entityId(c, body?.TicketEntityId))
    return c.body(null, 204)
  })
  route(app, ops.TicketAgent_NotifyNewTicket, async (c, { body }) => {
    await tickets.notifyNewTicket(c.get('caller'), entityId(c, body?.TicketEntityId))
    return c.body(null, 204)
  })
}
