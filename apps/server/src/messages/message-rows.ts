import type { TicketAttachment, TicketMessage, TicketMessageEntity } from '@ticket/schema'
import { asc, eq, inArray, sql } from 'drizzle-orm'
import { prepared } from '../db/prepared.ts'
import { ticketAttachmentsProjection, ticketMessagesProjection } from '../db/projection.gen.ts'
import { columnsToProperties, referenceIds } from '../db/projection-map.ts'
import type { Db, Tables } from '../db/store.ts'
import type { ReferenceReader } from '../tickets/reference-reader.ts'

export type MessageRow = Tables['ticketMessages']['$inferSelect']

/** A stored message as every read returns it (before rights), attachments' metadata included. */
export async function assembleMessage(
  db: Db,
  tables: Tables,
  reader: ReferenceReader,
  row: MessageRow,
  attachments?: OwnedAttachment[]
): Promise<TicketMessageEntity> {
  const ids = referenceIds(ticketMessagesProjection, row)
  const [createdBy, person, loaded] = await Promise.all([
    ids.CreatedBy ? reader.associate(ids.CreatedBy) : undefined,
    ids.Person ? reader.person(ids.Person) : undefined,
    attachments ?? loadAttachmentList(db, tables, [row.ticketMessageId]),
  ])
  return {
    ...(columnsToProperties(ticketMessagesProjection, row) as Omit<
      TicketMessageEntity,
      'CreatedBy' | 'Person' | 'Attachments' | 'TicketId' | 'EjMessageId' | 'Ticket'
    >),
    EjMessageId: row.ticketMessageId,
    TicketId: row.ticketId,
    Ticket: null,
    CreatedBy: createdBy ?? null,
    Person: person ?? null,
    Attachments: loaded.filter((a) => a.TicketMessageId === row.ticketMessageId).map(stripOwner),
  }
}

const stripOwner = ({ TicketMessageId: _id, ...attachment }: OwnedAttachment) => attachment

export type OwnedAttachment = TicketAttachment & { TicketMessageId: number }

const { columns: attachmentColumns, references: attachmentReferences } = ticketAttachmentsProjection
type AttachmentColumns = typeof attachmentColumns
/** Every stored property of an attachment but its content, which a list never carries. */
type ListedProperty = Exclude<keyof AttachmentColumns, 'Content'>
const listedProperties = (Object.keys(attachmentColumns) as (keyof AttachmentColumns)[]).filter(
  (property): property is ListedProperty => property !== 'Content'
)

/**
 * The columns an attachment is listed with, under the entity's names (from the generated
 * projection), and the message it belongs to.
 */
export const attachmentListFields = (t: Tables['ticketAttachments']) => ({
  ...(Object.fromEntries(
    listedProperties.map((property) => [property, t[attachmentColumns[property]]])
  ) as { [P in ListedProperty]: Tables['ticketAttachments'][AttachmentColumns[P]] }),
  TicketMessageId: t[attachmentReferences.TicketMessageId.key],
})

/** Attachment metadata (never the content) of some messages, in upload order. */
export async function loadAttachmentList(
  db: Db,
  tables: Tables,
  messageIds: number[]
): Promise<OwnedAttachment[]> {
  if (messageIds.length === 0) {
    return []
  }
  const t = tables.ticketAttachments
  return db
    .select(attachmentListFields(t))
    .from(t)
    .where(inArray(t.ticketMessageId, messageIds))
    .orderBy(asc(t.attachmentId))
}

export async function findMessageRow(db: Db, tables: Tables, id: number) {
  const statement = prepared(db, 'messages.by-id', (d) =>
    d
      .select()
      .from(tables.ticketMessages)
      .where(eq(tables.ticketMessages.ticketMessageId, sql.placeholder('id')))
      .limit(1)
  )
  const [row] = await statement.execute({ id })
  return row
}

/** A ticket's messages, oldest first. */
export async function messageRowsOf(db: Db, tables: Tables, ticketId: number) {
  const statement = prepared(db, 'messages.of-ticket', (d) =>
    d
      .select()
      .from(tables.ticketMessages)
      .where(eq(tables.ticketMessages.ticketId, sql.placeholder('id')))
      .orderBy(asc(tables.ticketMessages.ticketMessageId))
  )
  return statement.execute({ id: ticketId })
}

/** One page of a ticket's messages, oldest first. */
export async function messagePage(
  db: Db,
  tables: Tables,
  ticketId: number,
  page: { top: number; skip: number }
) {
  const t = tables.ticketMessages
  return db
    .select()
    .from(t)
    .where(eq(t.ticketId, ticketId))
    .orderBy(asc(t.ticketMessageId))
    .limit(page.top)
    .offset(page.skip)
}

/** What lists and counters need of a ticket's messages: every column but the bodies. */
export async function messageHeadsOf(db: Db, tables: Tables, ticketId: number) {
  const t = tables.ticketMessages
  const statement = prepared(db, 'messages.heads-of-ticket', (d) =>
    d
      .select({
        ticketMessageId: t.ticketMessageId,
        createdAt: t.createdAt,
        changedAt: t.changedAt,
        createdById: t.createdById,
        author: t.author,
        personId: t.personId,
        slevel: t.slevel,
        important: t.important,
        timeSpent: t.timeSpent,
        emailHeader: t.emailHeader,
        messageHeaders: t.messageHeaders,
        language: t.language,
        numAttachments: t.numAttachments,
      })
      .from(t)
      .where(eq(t.ticketId, sql.placeholder('id')))
      .orderBy(asc(t.ticketMessageId))
  )
  return statement.execute({ id: ticketId })
}

export type MessageHead = Awaited<ReturnType<typeof messageHeadsOf>>[number]

/**
 * The summary items of `TicketEntity.Messages`, derived from the stored messages: person and
 * company from the message's person, `CreatedBy` as the associate id.
 */
export async function messageSummaries(
  db: Db,
  tables: Tables,
  reader: ReferenceReader,
  ticketId: number
): Promise<TicketMessage[]> {
  const rows = await messageHeadsOf(db, tables, ticketId)
  return Promise.all(rows.map((row) => messageSummaryOf(reader, row)))
}

/** One message as a ticket's `Messages` lists it. */
async function messageSummaryOf(reader: ReferenceReader, row: MessageHead): Promise<TicketMessage> {
  const person = row.personId ? await reader.person(row.personId) : undefined
  return {
    TicketMessageId: row.ticketMessageId,
    CreatedAt: row.createdAt,
    Slevel: row.slevel,
    Important: row.important,
    Author: row.author,
    PersonId: person?.PersonId ?? 0,
    PersonFullName: person?.FullName ?? '',
    ContactId: person?.ContactId ?? 0,
    ContactName: person?.ContactName ?? '',
    ContactDepartment: person?.ContactDepartment ?? '',
    NumAttachments: row.numAttachments,
    EmailHeader: row.emailHeader,
    MessageHeaders: row.messageHeaders as TicketMessage['MessageHeaders'],
    Language: row.language,
    Sentiment: 0,
    SentimentConfidence: 0,
    CreatedBy: row.createdById ?? 0,
    ChangedAt: row.changedAt,
  }
}
