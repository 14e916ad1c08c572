import { ops, type TicketMessageEntity } from '@ticket/schema'
import type { Hono } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { nextPageLink, pageOf } from '../http/paging.ts'
import { route } from '../http/route.ts'
import { answerInTransaction } from '../idempotency/answer-in-transaction.ts'
import { readMessageUpload } from './attachments.ts'
import { registerMessageAgentRoutes } from './message-agent.ts'
import { messageServiceOf } from './message-service-factory.ts'

/**
 * `/api/v1/TicketMessage` (JSON, XML, forms or multipart with attachments), a ticket's messages
 * and the Ticket agent's message methods.
 */
export function registerMessageRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const messages = messageServiceOf(deps)

  route(
    app,
    ops.SaveTicketMessageEntityWithNotify,
    async (c, { query, body, files, send }) => {
      if (body.kind !== 'entity') {
        throw new ApiError(
          'UNSUPPORTED_MEDIA_TYPE',
          'A message is saved as an entity, not a patch.'
        )
      }
      return answerInTransaction<TicketMessageEntity>(
        c,
        (beforeCommit) =>
          messages.save(c.get('caller'), {
            input: body.value,
            notify: query.notify ?? false,
            files,
            beforeCommit,
          }),
        (saved) => send(saved)
      )
    },
    // A multipart body carries the message's fields and its attachments.
    { multipart: readMessageUpload }
  )

  route(app, ops.GetTicketMessageEntity, async (c, { params: { id }, send }) => {
    const message = await messages.read(c.get('caller'), id)
    if (!message) {
      throw new ApiError('NOT_FOUND', `TicketMessage ${id} does not exist.`)
    }
    return send(message)
  })

  route(app, ops.GetTicketMessageAttachment, async (c, { params: { id, attachmentId } }) => {
    const file = await messages.attachment(id, attachmentId)
    if (!file) {
      throw new ApiError('NOT_FOUND', `TicketMessage ${id} has no attachment ${attachmentId}.`)
    }
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'x-content-type-options': 'nosniff',
    })
  })

  route(app, ops.GetTicketMessages, async (c, { params: { id }, query, send }) => {
    const page = pageOf(query)
    const list = await messages.list(c.get('caller'), id, page)
    if (!list) {
      throw new ApiError('NOT_FOUND', `Ticket ${id} does not exist.`)
    }
    return send(list, { headers: nextPageLink(c, page, list.length) })
  })

  registerMessageAgentRoutes(app, deps)
}
