import { Type } from '@sinclair/typebox'
import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
  TicketMessageEntity,
} from '../entities/ticket-message.ts'
import { TicketMessageEntityInput } from '../input/ticket-message-entity-input.ts'
import { commonErrors, LanguageHeaders, NotifyQuery, notFound, TicketIdParam } from './common.ts'
import { defineOperations } from './define.ts'
import { entityRequestTypes } from './media-types.ts'

const tags = ['TicketMessage']

export const TicketMessageIdParam = Type.Object({
  id: Type.Integer({ minimum: 1, description: 'The TicketMessageId of the message' }),
})

export const AttachmentParams = Type.Object({
  id: Type.Integer({ minimum: 1, description: 'The TicketMessageId of the message' }),
  attachmentId: Type.Integer({ minimum: 1, description: 'The AttachmentId of the attachment' }),
})

/** `$top`/`$skip` paging of a list, OData style. */
export const PageQuery = Type.Object({
  $top: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 1000, default: 100, description: 'Page size.' })
  ),
  $skip: Type.Optional(
    Type.Integer({ minimum: 0, default: 0, description: 'How many items to skip.' })
  ),
})

/** A message with its files, as `multipart/form-data`. */
export const TicketMessageUpload = Type.Object(
  {
    TicketMessageEntity: Type.String({
      description:
        'The message as a JSON TicketMessageEntity. Its properties may also be sent as plain form fields.',
    }),
    files: Type.Optional(
      Type.Array(Type.String({ format: 'binary' }), {
        description: `Attachments: any file part, at most ${MAX_ATTACHMENTS_PER_MESSAGE} of at most ${MAX_ATTACHMENT_BYTES} bytes each (413 above); the whole request is limited by TICKET_MAX_UPLOAD.`,
        maxItems: MAX_ATTACHMENTS_PER_MESSAGE,
      })
    ),
  },
  { description: 'A message upload with attachments.' }
)

/** Ticket messages: the conversation of a ticket, with attachments. */
export const messageOps = defineOperations({
  SaveTicketMessageEntityWithNotify: {
    method: 'post',
    path: '/api/v1/TicketMessage',
    summary: 'Saves a ticket message and notifies the ticket owner',
    description:
      'TicketMessageId 0 or absent adds a message to TicketId; an existing id edits it. With notify=true the owner hears NewMessage (by their preferences; never the author). Attachments come as multipart/form-data.',
    tags,
    query: Type.Object({ notify: Type.Optional(NotifyQuery) }),
    headers: LanguageHeaders,
    body: {
      schema: TicketMessageEntity,
      input: TicketMessageEntityInput,
      mediaTypes: entityRequestTypes,
      required: true as const,
      description: 'The message to save',
      alternatives: [{ schema: TicketMessageUpload, mediaTypes: ['multipart/form-data'] }],
    },
    responses: {
      200: { description: 'The saved message.', schema: TicketMessageEntity },
      ...commonErrors,
      404: notFound,
    },
  },
  GetTicketMessageEntity: {
    method: 'get',
    path: '/api/v1/TicketMessage/{id}',
    summary: 'Gets a TicketMessageEntity',
    tags,
    params: TicketMessageIdParam,
    headers: LanguageHeaders,
    responses: {
      200: { description: 'The message.', schema: TicketMessageEntity },
      ...commonErrors,
      404: notFound,
    },
  },
  GetTicketMessageAttachment: {
    method: 'get',
    path: '/api/v1/TicketMessage/{id}/Attachments/{attachmentId}',
    summary: 'Downloads an attachment with its content type',
    tags,
    params: AttachmentParams,
    responses: {
      200: {
        description: 'The bytes, with the Content-Type they were uploaded with.',
        schema: Type.String({ format: 'binary' }),
        mediaTypes: ['*/*'],
      },
      ...commonErrors,
      404: notFound,
    },
  },
  GetTicketMessages: {
    method: 'get',
    path: '/api/v1/Ticket/{id}/Messages',
    summary: 'The messages of a ticket, oldest first',
    tags,
    params: TicketIdParam,
    query: PageQuery,
    headers: LanguageHeaders,
    responses: {
      200: {
        description: 'One page of messages; `Link: <…>; rel="next"` names the next page.',
        schema: Type.Array(TicketMessageEntity),
      },
      ...commonErrors,
      404: notFound,
    },
  },
})
