import { ops, TicketEntity } from '@ticket/schema'
import type { Hono } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { applyPatchBody } from '../http/patch/apply-patch.ts'
import { checkPreconditions } from '../http/preconditions.ts'
import { route } from '../http/route.ts'
import { sendKept } from '../http/send-kept.ts'
import { answerInTransaction } from '../idempotency/answer-in-transaction.ts'
import { compileBodyParser } from '../input/parse-body.ts'
import { applySelect, withLinks } from '../tickets/present-ticket.ts'
import { baseUrlOf, ticketAnswersOf } from './ticket-answers.ts'

// A patched document is parsed as the entity it became, as a sent entity would be.
const parseTicket = compileBodyParser(TicketEntity)
const notFound = (id: number) => new ApiError('NOT_FOUND', `Ticket ${id} does not exist.`)

/** The REST Ticket resource: `/api/v1/Ticket`. */
export function registerTicketRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { tickets } = deps
  const answers = ticketAnswersOf(deps)

  route(app, ops.SaveTicketEntityWithNotify, async (c, { query, body, send }) => {
    const caller = c.get('caller')
    const input =
      body.kind === 'entity'
        ? body.value
        : parseTicket(applyPatchBody(await tickets.defaultEntity(caller), body))
    return answerInTransaction<TicketEntity>(
      c,
      (beforeCommit) =>
        tickets.save(caller, { input, notify: query.notify ?? false, beforeCommit }),
      (saved) => send(saved)
    )
  })

  route(app, ops.DefaultTicketEntity, async (c, { send }) =>
    send(await tickets.defaultEntity(c.get('caller')))
  )

  route(app, ops.GetTicketEntity, async (c, { params: { id }, query, render }) => {
    const found = await answers.read(c, id, query.$select, { links: true, render })
    if (!found) {
      throw notFound(id)
    }
    return sendKept(c, answers.cache, found.answer, { 'Last-Modified': found.lastModified })
  })

  route(app, ops.GetTicketSimple, async (_c, { params: { id }, send }) => {
    const [flat] = await tickets.readFlat([id])
    if (!flat) {
      throw notFound(id)
    }
    return send(flat)
  })

  route(app, ops.PutTicketEntity, async (c, { params: { id }, query, body, send }) => {
    const expectedRevision = await checkPreconditions(c, `Ticket ${id}`, () => tickets.version(id))
    return answerInTransaction<TicketEntity>(
      c,
      (beforeCommit) =>
        tickets.save(c.get('caller'), {
          input: body,
          id,
          notify: query.notify ?? false,
          expectedRevision,
          beforeCommit,
        }),
      (saved) => send(saved)
    )
  })

  route(app, ops.PatchTicketEntity, async (c, { params: { id }, query, body, send }) => {
    const caller = c.get('caller')
    await checkPreconditions(c, `Ticket ${id}`, () => tickets.version(id))
    // The save refuses if anything committed after this read, rather than applying the patch
    // to a stale document.
    const found = await tickets.readVersioned(caller, id)
    if (!found) {
      throw notFound(id)
    }
    const { entity: current, revision } = found
    return answerInTransaction<TicketEntity>(
      c,
      (beforeCommit) =>
        tickets.save(caller, {
          input: parseTicket(applyPatchBody(current, body)),
          id,
          notify: false,
          expectedRevision: revision,
          beforeCommit,
        }),
      (saved) => send(applySelect(withLinks(saved, baseUrlOf(c)), query.$select))
    )
  })

  route(app, ops.DeleteTicketEntity, async (c, { params: { id } }) => {
    if (!(await tickets.delete(c.get('caller'), id))) {
      throw notFound(id)
    }
    return c.body(null, 204)
  })

  route(app, ops.NotifyNewTicket, async (c, { params: { id } }) => {
    await tickets.notifyNewTicket(c.get('caller'), id)
    return c.body(null, 204)
  })
}
