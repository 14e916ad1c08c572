import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from '@ticket/schema'
import { and, eq } from 'drizzle-orm'
import type { Context } from 'hono'
import type { Db, Tables } from '../db/store.ts'
import { ApiError } from '../http/api-error.ts'

/** A file uploaded with a message. */
export interface UploadedFile {
  name: string
  contentType: string
  bytes: Uint8Array
}

/** The form field that carries the message itself, as JSON. */
export const ENTITY_FIELD = 'TicketMessageEntity'

/**
 * A `multipart/form-data` message upload: the message as JSON in the `TicketMessageEntity` field
 * (its other fields may also come as plain form fields) and every file part as an attachment.
 * Each file is at most 10 MiB and a message has at most 20; the whole request is limited by
 * `TICKET_MAX_UPLOAD`.
 */
export async function readMessageUpload(
  c: Context
): Promise<{ fields: Record<string, unknown>; files: UploadedFile[] }> {
  const form = await c.req.parseBody({ all: true })
  const fields: Record<string, unknown> = {}
  const files: UploadedFile[] = []
  for (const [name, value] of Object.entries(form)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'string') {
        files.push(await fileOf(item))
      } else if (name.toLowerCase() === ENTITY_FIELD.toLowerCase()) {
        Object.assign(fields, parseEntityField(item))
      } else {
        fields[name] = item
      }
    }
  }
  if (files.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    throw new ApiError(
      'VALIDATION',
      `A message carries at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments; ${files.length} were sent.`,
      { errors: [{ path: '/Attachments', message: 'too many files', code: 'maxItems' }] }
    )
  }
  return { fields, files }
}

function parseEntityField(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text)
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>
    }
  } catch {
    // reported below
  }
  throw new ApiError('VALIDATION', `The ${ENTITY_FIELD} field must be a JSON object.`, {
    errors: [{ path: `/${ENTITY_FIELD}`, message: 'expected a JSON object', code: 'type' }],
  })
}

async function fileOf(file: File): Promise<UploadedFile> {
  if (file.size > MAX_ATTACHMENT_BYTES) {
    throw new ApiError(
      'PAYLOAD_TOO_LARGE',
      `Attachment ${file.name} is ${file.size} bytes; the limit is ${MAX_ATTACHMENT_BYTES}.`
    )
  }
  return {
    name: (file.name || 'attachment').slice(0, 255),
    contentType: (file.type || 'application/octet-stream').slice(0, 255),
    bytes: new Uint8Array(await file.arrayBuffer()),
  }
}

/** One attachment's metadata and bytes, when it belongs to that message. */
export async function loadAttachment(
  db: Db,
  tables: Tables,
  messageId: number,
  attachmentId: number
) {
  const t = tables.ticketAttachments
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.attachmentId, attachmentId), eq(t.ticketMessageId, messageId)))
    .limit(1)
  return (
    row && {
      name: row.name,
      contentType: row.contentType,
      bytes: Buffer.from(row.content, 'base64'),
    }
  )
}
