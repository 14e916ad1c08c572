import {
  DeleteTicketEntityRequest,
  GetTicketsRequest,
  NotifyNewTicketRequest,
  SaveTicketEntityWithNotifyRequest,
  TicketEntity,
} from '@ticket/schema'
import type { Context, Hono } from 'hono'
import type { AppDeps } from '../app.ts'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { idParam, queryParam } from '../http/query.ts'
import { readRequestBody } from '../http/read-body.ts'
import { sendEntity } from '../http/send-entity.ts'
import { compileEntityParser } from '../input/parse-entity.ts'
import { applySelect } from '../tickets/present-ticket.ts'
import type { TicketService } from '../tickets/ticket-service.ts'
import { ticketServiceOf } from '../tickets/ticket-service-factory.ts'

const parseTicket = compileEntityParser<TicketEntity>(TicketEntity)
const parseSaveWithNotify = compileEntityParser<SaveTicketEntityWithNotifyRequest>(
  SaveTicketEntityWithNotifyRequest
)
const parseDelete = compileEntityParser<DeleteTicketEntityRequest>(DeleteTicketEntityRequest)
const parseNotify = compileEntityParser<NotifyNewTicketRequest>(NotifyNewTicketRequest)
const parseGetTickets = compileEntityParser<GetTicketsRequest>(GetTicketsRequest)

type AgentMethod = (c: Context<AppEnv>, tickets: TicketService, body: unknown) => Promise<Response>

/** An id from the query string (how SuperOffice's client sends it) or else from the body. */
function entityId(c: Context<AppEnv>, queryName: string, parsed?: number): number {
  const raw =
    queryParam(c.req.url, queryName) ?? (parsed === undefined ? undefined : String(parsed))
  return idParam(raw, queryName)
}

const bodyOf = (body: unknown) => (body === null ? {} : body)

/**
 * The Ticket agent: what `@superoffice/webapi` calls. Same code path as the REST routes; the
 * difference is the envelope and that a missing ticket is `200 null` (agents-and-clients §6).
 */
const methods: Record<string, AgentMethod> = {
  createdefaultticketentity: async (c, tickets) =>
    sendEntity(c, await tickets.defaultEntity(c.get('caller')), 'TicketEntity'),
  saveticketentity: async (c, tickets, body) => {
    if (body === null) {
      throw new ApiError('BAD_REQUEST', 'Entity to save is not in request body.')
    }
    const saved = await tickets.save(c.get('caller'), { input: parseTicket(body), notify: false })
    return sendEntity(c, saved, 'TicketEntity')
  },
  saveticketentitywithnotify: async (c, tickets, body) => {
    const request = parseSaveWithNotify(bodyOf(body))
    if (!request.NewEntity) {
      throw new ApiError('BAD_REQUEST', 'newEntity is required.', {
        errors: [{ path: '/NewEntity', message: 'required', code: 'required' }],
      })
    }
    const saved = await tickets.save(c.get('caller'), {
      input: request.NewEntity,
      notify: request.Notify === true,
    })
    return sendEntity(c, applySelect(saved, queryParam(c.req.url, '$select')), 'TicketEntity')
  },
  getticketentity: async (c, tickets, body) => {
    const id = entityId(c, 'ticketEntityId', parseDelete(bodyOf(body)).TicketEntityId)
    const entity = await tickets.read(c.get('caller'), id)
    return sendEntity(
      c,
      entity ? applySelect(entity, queryParam(c.req.url, '$select')) : null,
      'TicketEntity'
    )
  },
  getticket: async (c, tickets) => {
    const id = idParam(queryParam(c.req.url, 'ticketId'), 'ticketId')
    const [ticket] = await tickets.readFlat([id])
    return sendEntity(c, ticket ?? null, 'Ticket')
  },
  gettickets: async (c, tickets, body) => {
    const ids = parseGetTickets(bodyOf(body)).TicketIds ?? []
    return sendEntity(c, await tickets.readFlat(ids.filter((id) => id > 0)), 'ArrayOfTicket')
  },
  deleteticketentity: async (c, tickets, body) => {
    const id = entityId(c, 'ticketEntityId', parseDelete(bodyOf(body)).TicketEntityId)
    await tickets.delete(c.get('caller'), id)
    return c.body(null, 204)
  },
  notifynewticket: async (c, tickets, body) => {
    const id = entityId(c, 'ticketEntityId', parseNotify(bodyOf(body)).TicketEntityId)
    await tickets.notifyNewTicket(c.get('caller'), id)
    return c.body(null, 204)
  },
}

/** The agent methods served, lower-cased (method names match case-insensitively). */
export const agentMethodNames = Object.keys(methods)

export function registerTicketAgentRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const tickets = ticketServiceOf(deps)
  app.post('/api/v1/Agents/Ticket/:method', async (c) => {
    const name = c.req.param('method')
    const method = methods[name.toLowerCase()]
    if (!method) {
      throw new ApiError('NOT_FOUND', `The Ticket agent has no method ${name}.`)
    }
    const body = await readRequestBody(c)
    if (body.kind !== 'entity') {
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Agent methods take JSON bodies.')
    }
    return method(c, tickets, body.value)
  })
}
