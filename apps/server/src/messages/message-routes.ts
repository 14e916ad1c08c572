import { ops, TicketMessageEntity } from '@ticket/schema'
import type { Context, Hono } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { nextPageLink, pageOf } from '../http/paging.ts'
import { compileParamsParser } from '../http/parse-input.ts'
import { bindOperation, honoPath, markServed, route } from '../http/route.ts'
import { sendEntity } from '../http/send-entity.ts'
import { answerInTransaction } from '../idempotency/answer-in-transaction.ts'
import { compileBodyParser } from '../input/parse-body.ts'
import { readMessageUpload } from './attachments.ts'
import { messageServiceOf } from './message-service-factory.ts'

const save = ops.SaveTicketMessageEntityWithNotify
const parseMessage = compileBodyParser(TicketMessageEntity)
const parseSaveQuery = compileParamsParser(save.query, 'query')
const isMultipart = (c: Context) =>
  /^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')

/** `/api/v1/TicketMessage` (JSON, XML, forms or multipart with attachments) and a ticket's messages. */
export function registerMessageRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const messages = messageServiceOf(deps)

  const saveEntity = bindOperation(save, async (c, { query, body, send }) => {
    if (body.kind !== 'entity') {
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'A message is saved as an entity, not a patch.')
    }
    return answerInTransaction<TicketMessageEntity>(
      c,
      (beforeCommit) =>
        messages.save(c.get('caller'), {
          input: body.value,
          notify: query.notify ?? false,
          files: [],
          beforeCommit,
        }),
      (saved) => send(saved)
    )
  })
  // Multipart bodies carry files besides the entity: read here, then the same save.
  app.post(honoPath(save.path), async (c) => {
    if (!isMultipart(c)) {
      return saveEntity(c)
    }
    const query = parseSaveQuery(new URL(c.req.url).searchParams)
    const upload = await readMessageUpload(c)
    return answerInTransaction<TicketMessageEntity>(
      c,
      (beforeCommit) =>
        messages.save(c.get('caller'), {
          input: parseMessage(upload.body),
          notify: query.notify ?? false,
          files: upload.files,
          beforeCommit,
        }),
      (saved) => sendEntity(c, saved, 'TicketMessageEntity')
    )
  })
  markServed(app, save)

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
}
