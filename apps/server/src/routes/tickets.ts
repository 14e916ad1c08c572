import { TicketEntity } from '@ticket/schema'
import type { Context, Hono } from 'hono'
import type { AppDeps } from '../app.ts'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { applyPatchBody } from '../http/patch/apply-patch.ts'
import { booleanParam, idParam, queryParam } from '../http/query.ts'
import { readRequestBody } from '../http/read-body.ts'
import { sendEntity } from '../http/send-entity.ts'
import { compileEntityParser } from '../input/parse-entity.ts'
import { checkPreconditions, etagOf } from '../tickets/preconditions.ts'
import { applySelect, withLinks } from '../tickets/present-ticket.ts'
import { ticketServiceOf } from '../tickets/ticket-service-factory.ts'

const parseTicket = compileEntityParser<TicketEntity>(TicketEntity)
const baseUrlOf = (c: Context) => new URL(c.req.url).origin

/** The REST Ticket resource: `/api/v1/Ticket` (service contract §2). */
export function registerTicketRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const tickets = ticketServiceOf(deps)

  app.post('/api/v1/Ticket', async (c) => {
    const caller = c.get('caller')
    const body = await readRequestBody(c)
    const value =
      body.kind === 'entity'
        ? body.value
        : applyPatchBody(await tickets.defaultEntity(caller), body)
    if (value === null) {
      throw new ApiError('BAD_REQUEST', 'Entity to save is not in request body.')
    }
    const saved = await tickets.save(caller, {
      input: parseTicket(value),
      notify: booleanParam(c.req.url, 'notify'),
    })
    return sendEntity(c, saved, 'TicketEntity')
  })

  app.get('/api/v1/Ticket/default', async (c) =>
    sendEntity(c, await tickets.defaultEntity(c.get('caller')), 'TicketEntity')
  )

  app.get('/api/v1/Ticket/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'id')
    const found = await tickets.readVersioned(c.get('caller'), id)
    if (!found) {
      throw new ApiError('NOT_FOUND', `Ticket ${id} does not exist.`)
    }
    const { entity, revision } = found
    const body = applySelect(withLinks(entity, baseUrlOf(c)), queryParam(c.req.url, '$select'))
    return sendEntity(c, body, 'TicketEntityWithLinks', 200, {
      ETag: etagOf(revision),
      'Last-Modified': new Date(entity.LastChanged ?? Date.now()).toUTCString(),
    })
  })

  app.put('/api/v1/Ticket/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'id')
    const body = await readRequestBody(c)
    if (body.kind !== 'entity' || body.value === null) {
      throw new ApiError('BAD_REQUEST', 'Bad request. Entity to save is not in request body.')
    }
    const input = parseTicket(body.value)
    const expectedRevision = await checkPreconditions(c, tickets, id)
    const saved = await tickets.save(c.get('caller'), {
      input,
      id,
      notify: booleanParam(c.req.url, 'notify'),
      expectedRevision,
    })
    return sendEntity(c, saved, 'TicketEntity')
  })

  app.patch('/api/v1/Ticket/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'id')
    const caller = c.get('caller')
    const body = await readRequestBody(c)
    await checkPreconditions(c, tickets, id)
    // The save refuses if anything committed after this read, rather than applying the patch
    // to a stale document.
    const found = await tickets.readVersioned(caller, id)
    if (!found) {
      throw new ApiError('NOT_FOUND', `Ticket ${id} does not exist.`)
    }
    const { entity: current, revision } = found
    const patchBody = body.kind === 'entity' ? { ...body, kind: 'json-patch' as const } : body
    const patched = applyPatchBody(current, patchBody)
    const saved = await tickets.save(caller, {
      input: parseTicket(patched),
      id,
      notify: false,
      expectedRevision: revision,
    })
    const result = applySelect(withLinks(saved, baseUrlOf(c)), queryParam(c.req.url, '$select'))
    return sendEntity(c, result, 'TicketEntityWithLinks')
  })

  app.delete('/api/v1/Ticket/:id', async (c) => {
    const id = idParam(c.req.param('id'), 'id')
    if (!(await tickets.delete(c.get('caller'), id))) {
      throw new ApiError('NOT_FOUND', `Ticket ${id} does not exist.`)
    }
    return c.body(null, 204)
  })

  app.post('/api/v1/Ticket/:id/NotifyNewTicket', async (c) => {
    await tickets.notifyNewTicket(c.get('caller'), idParam(c.req.param('id'), 'id'))
    return c.body(null, 204)
  })
}
