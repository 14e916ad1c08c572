import type { TicketMessageEntity } from '@ticket/schema'
import { eq, sql } from 'drizzle-orm'
import type { Caller } from '../auth/caller.ts'
import type { RulesOf } from '../clocks/priority-rules.ts'
import { minutesBetween } from '../clocks/ticket-clocks.ts'
import { insertLater } from '../db/insert-later.ts'
import { prepared } from '../db/prepared.ts'
import { ticketMessagesProjection } from '../db/projection.gen.ts'
import { propertiesToRow } from '../db/projection-map.ts'
import { nextIdLater } from '../db/reserve-id.ts'
import { rowShape } from '../db/statement-shape.ts'
import type { Db, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { ApiError, type FieldError } from '../http/api-error.ts'
import type { ServiceDeps } from '../modules/service-module.ts'
import {
  newInformation,
  type ReadFields,
  readBy,
  readByCustomer,
} from '../read-status/read-rules.ts'
import { commitTicketUpdate, type TicketValues } from '../tickets/commit-update.ts'
import type { LoadedTicket } from '../tickets/load-ticket.ts'
import type { ReferenceReader } from '../tickets/reference-reader.ts'
import { actedBy } from '../tickets/ticket-change.ts'
import type { UploadedFile } from './attachments.ts'
import {
  assembleMessage,
  attachmentListFields,
  findMessageRow,
  type MessageRow,
  messageHeadsOf,
  type OwnedAttachment,
} from './message-rows.ts'
import { type MessageSummary, summarize, withAdded } from './ticket-summary.ts'

export interface SaveMessageRequest {
  /** The canonicalised, validated body: read-only and unknown properties already dropped. */
  input: Partial<TicketMessageEntity>
  notify: boolean
  /** Files uploaded with the message (multipart/form-data); added to it. */
  files: UploadedFile[]
  /** Runs last inside the save's transaction with the saved message (an Idempotency-Key's answer). */
  beforeCommit?: (tx: Db, saved: TicketMessageEntity) => Promise<void>
}

// Set by the server or resolved from carriers, never copied from the body.
const notCopied = new Set([
  'TicketMessageId',
  'EjMessageId',
  'TicketId',
  'Ticket',
  'Person',
  'CreatedBy',
])

/**
 * Saves a message: `TicketMessageId` 0 or absent adds one to `TicketId`'s ticket, an existing id
 * edits it. In the same transaction the ticket's counters, `RepliedAt`, reply times and read
 * status follow, and the modules hear about it (history, `NewMessage`, webhooks).
 */
export async function saveMessage(
  deps: ServiceDeps,
  caller: Caller,
  request: SaveMessageRequest
): Promise<TicketMessageEntity> {
  const { input } = request
  // SuperOffice's clients name the id EjMessageId and the ticket `Ticket: { TicketId }`.
  const sentId = input.TicketMessageId || input.EjMessageId || 0
  const existingId = Math.max(sentId, 0)
  const existing = existingId
    ? await findMessageRow(deps.store.reader, tablesOf(deps.store.db), existingId)
    : undefined
  if (existingId && !existing) {
    throw new ApiError('NOT_FOUND', `TicketMessage ${existingId} does not exist.`)
  }
  const ticketId = existing?.ticketId ?? (input.TicketId || input.Ticket?.TicketId)
  if (!ticketId) {
    throw new ApiError('VALIDATION', 'A message needs the ticket it belongs to.', {
      errors: [{ path: '/TicketId', message: 'required', code: 'required' }],
    })
  }
  // A new message's id, drawn under the ticket's lock (PostgreSQL): a ticket's messages are
  // listed by id, and ids drawn under its lock follow the order the messages were made in.
  let reservedId: (() => Promise<number>) | undefined
  const saved = await commitTicketUpdate(deps, {
    ticketId,
    ...actedBy(caller),
    notify: request.notify && !existing,
    ...(!existing && {
      underLock: (tx: Db) => {
        reservedId = nextIdLater(tx, 'ticketMessages')
      },
    }),
    apply: (tx, ticket, at, reader) =>
      writeMessage(tablesOf(deps.store.db), tx, reader, {
        caller,
        request,
        existing,
        ticket,
        at,
        reservedId,
      }),
    ...(request.beforeCommit && { beforeCommit: request.beforeCommit }),
    aboutOneMessage: true,
  }).catch((error: unknown) => {
    // A message for a ticket that does not exist is a bad reference, not a missing resource.
    if (error instanceof ApiError && error.code === 'NOT_FOUND' && !existing) {
      throw new ApiError('VALIDATION', `Ticket ${ticketId} does not exist.`, {
        errors: [{ path: '/TicketId', message: 'no such ticket', code: 'reference' }],
      })
    }
    throw error
  })
  if (!saved) {
    throw new Error('a message save decided to write nothing')
  }
  return saved.result
}

interface WriteContext {
  caller: Caller
  request: SaveMessageRequest
  existing: MessageRow | undefined
  ticket: LoadedTicket
  at: Date
  /** A new message's id, drawn with the ticket's read (PostgreSQL); else the INSERT returns it. */
  reservedId: (() => Promise<number>) | undefined
}

async function writeMessage(
  tables: Tables,
  tx: Db,
  reader: ReferenceReader,
  { caller, request, existing, ticket, at, reservedId }: WriteContext
) {
  const { input, files } = request
  const errors: FieldError[] = []
  const personId = input.Person === undefined ? existing?.personId : input.Person?.PersonId
  const person = personId ? await reader.person(personId) : undefined
  if (personId && !person) {
    errors.push({ path: '/Person/PersonId', message: 'no such person', code: 'reference' })
  }
  const timestamp = at.toISOString()
  const fields: Record<string, unknown> = {}
  for (const [property, value] of Object.entries(input)) {
    if (!notCopied.has(property)) {
      fields[property] = value
    }
  }
  const values = {
    ...(existing ? {} : newMessageDefaults(caller, person, timestamp)),
    ...propertiesToRow(ticketMessagesProjection, fields),
    personId: person?.PersonId ?? null,
    changedAt: timestamp,
    numAttachments: (existing?.numAttachments ?? 0) + files.length,
  }
  const body = values.body ?? existing?.body ?? ''
  const htmlBody = values.htmlBody ?? existing?.htmlBody ?? ''
  if (!existing && body === '' && htmlBody === '' && files.length === 0) {
    errors.push({
      path: '/Body',
      message: 'a message needs a body or an attachment',
      code: 'required',
    })
  }
  if (errors.length > 0) {
    throw new ApiError('VALIDATION', `${errors.length} invalid field(s) in the message.`, {
      errors,
    })
  }
  // The row as stored comes back from the write itself: nothing is read again.
  const row = existing
    ? await updateMessage(tx, tables, existing.ticketMessageId, values)
    : await insertMessage(tx, tables, { ...values, ticketId: ticket.row.ticketId }, reservedId)
  const messageId = row.ticketMessageId
  const added = await insertAttachments(tx, tables, messageId, files)
  // A new message's attachments are the ones just written; an edit keeps its earlier ones too.
  const after = await assembleMessage(tx, tables, reader, row, existing ? undefined : added)
  const before = existing ? await assembleMessage(tx, tables, reader, existing) : null
  const authorAssociateId = row.personId === null ? caller.associateId : null
  return {
    values: await ticketValues(
      reader.priorityRules,
      ticket,
      // A new message joins the counters the ticket holds (its row is locked and current); an
      // edit may change any message's part, so the counters are recounted from every message.
      existing
        ? summarize(await messageHeadsOf(tx, tables, ticket.row.ticketId))
        : withAdded(countersOf(ticket.row), row),
      existing ? undefined : row,
      caller,
      timestamp
    ),
    message: { before, after, authorAssociateId },
    result: after,
  }
}

function newMessageDefaults(
  caller: Caller,
  person: { FullName: string; Email: string } | undefined,
  timestamp: string
) {
  return {
    createdAt: timestamp,
    createdById: caller.associateId,
    author: person ? person.FullName || person.Email : caller.fullName,
    emailHeader: person?.Email ?? '',
    slevel: 'External' as const,
    type: 'Unknown' as const,
    important: false,
    body: '',
    htmlBody: '',
    timeSpent: 0,
    messageHeaders: [],
    language: '',
  }
}

/**
 * Inserts a new message. With a `reserved` id (PostgreSQL) the INSERT goes with the commit and
 * the row is what was written: a new message sets every column. Otherwise the row comes back
 * from the INSERT.
 */
async function insertMessage(
  tx: Db,
  tables: Tables,
  values: Record<string, unknown>,
  reserved: (() => Promise<number>) | undefined
): Promise<MessageRow> {
  if (reserved) {
    const row = { ticketMessageId: await reserved(), ...values }
    await insertLater(tx, 'messages.insert-with-id', (t) => t.ticketMessages, row)
    return row as MessageRow
  }
  const shape = rowShape('messages.insert', values)
  const statement = prepared(tx, shape.key, (d) =>
    d
      .insert(tables.ticketMessages)
      .values(shape.placeholders() as never)
      .returning()
  )
  const [inserted] = await statement.execute(values)
  if (!inserted) {
    throw new Error('insert returned no message')
  }
  return inserted
}

async function updateMessage(
  tx: Db,
  tables: Tables,
  messageId: number,
  values: Partial<Tables['ticketMessages']['$inferInsert']>
): Promise<MessageRow> {
  const shape = rowShape('messages.update', values)
  const t = tables.ticketMessages
  const statement = prepared(tx, shape.key, (d) =>
    d
      .update(t)
      .set(shape.placeholders() as never)
      .where(eq(t.ticketMessageId, sql.placeholder('id$')))
      .returning()
  )
  const [updated] = await statement.execute({ ...values, id$: messageId })
  if (!updated) {
    throw new Error(`message ${messageId} vanished inside its own transaction`)
  }
  return updated
}

/** Stores the uploaded files of a message; gives them as its `Attachments` list them. */
async function insertAttachments(
  tx: Db,
  tables: Tables,
  messageId: number,
  files: UploadedFile[]
): Promise<OwnedAttachment[]> {
  if (files.length === 0) {
    return []
  }
  const t = tables.ticketAttachments
  return tx
    .insert(t)
    .values(
      files.map((file) => ({
        ticketMessageId: messageId,
        name: file.name,
        contentType: file.contentType,
        attSize: file.bytes.byteLength,
        content: Buffer.from(file.bytes).toString('base64'),
      }))
    )
    .returning(attachmentListFields(t))
}

/**
 * The ticket columns that follow from its messages after this save: counters, `RepliedAt` and
 * the reply times, the author of the first message, and the read status (`added` is the new
 * message, undefined for an edit).
 */
async function ticketValues(
  rulesOf: RulesOf,
  ticket: LoadedTicket,
  summary: MessageSummary,
  added: MessageRow | undefined,
  caller: Caller,
  timestamp: string
): Promise<TicketValues> {
  const { row } = ticket
  const values: TicketValues = { ...summary }
  if (summary.repliedAt && summary.repliedAt !== row.repliedAt && row.createdAt) {
    const rules = await rulesOf(row.priorityId)
    const minutes = minutesBetween(row.createdAt, summary.repliedAt, rules.calendar)
    values.timeToReply = minutes.office
    values.realTimeToReply = minutes.real
  }
  if (!added) {
    return values
  }
  if (summary.numMessages === 1) {
    values.author = added.author
  }
  const read: ReadFields = {
    readStatus: row.readStatus,
    readByOwner: row.readByOwner,
    firstReadByOwner: row.firstReadByOwner,
    firstReadByUser: row.firstReadByUser,
    readByCustomer: row.readByCustomer,
  }
  // Whoever writes a message has read the ticket; anyone but the owner brings news to the owner.
  const isOwner = row.ownedById === caller.associateId && added.personId === null
  const next =
    added.personId !== null
      ? newInformation(readByCustomer(read, timestamp))
      : isOwner
        ? readBy(read, true, timestamp)
        : newInformation(readBy(read, false, timestamp))
  return { ...values, ...next }
}

/** The message counters a ticket row holds (a ticket without messages has no time spent yet). */
function countersOf(row: LoadedTicket['row']): MessageSummary {
  return {
    numMessages: row.numMessages,
    numReplies: row.numReplies,
    hasAttachment: row.hasAttachment,
    repliedAt: row.repliedAt,
    timeSpent: row.timeSpent ?? 0,
  }
}
