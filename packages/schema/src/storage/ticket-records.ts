import { type Static, Type } from '@sinclair/typebox'
import { DateTime, Int32, JSON_COLUMN, withDb } from '../common/types.ts'
import { TicketEntity } from '../entities/ticket-entity.ts'
import { TicketHistoryEntry } from '../entities/ticket-history.ts'
import { TicketAttachment, TicketMessageEntity } from '../entities/ticket-message.ts'
import { omitProps, RIGHTS } from './props.ts'

/**
 * Row of `tickets`: TicketEntity with its storage hints, plus storage-only fields. TicketEntity
 * stays the pure wire shape.
 */
export const TicketRecord = Type.Object(
  {
    ...TicketEntity.properties,
    Revision: Int32('Incremented on every committed change; the strong ETag.', { minimum: 0 }),
    DeletedAt: DateTime({ description: 'When the ticket was deleted; null while it exists.' }),
    StatusChangedAt: DateTime({
      description: 'When the ticket entered its current status; the time counters start there.',
    }),
  },
  { $id: 'TicketRecord', description: 'Storage row of a ticket.' }
)
export type TicketRecord = Static<typeof TicketRecord>

const ticketReference = {
  kind: 'reference',
  column: 'ticket_id',
  table: 'tickets',
  targetColumn: 'ticket_id',
  key: 'TicketId',
  onDelete: 'cascade',
  index: true,
} as const

/** Row of `ticket_messages`: TicketMessageEntity without what is derived on read. */
export const TicketMessageRecord = Type.Object(
  {
    ...omitProps(TicketMessageEntity.properties, [...RIGHTS, 'TicketId']),
    TicketId: withDb(TicketMessageEntity.properties.TicketId, ticketReference),
  },
  { $id: 'TicketMessageRecord', description: 'Storage row of a ticket message.' }
)
export type TicketMessageRecord = Static<typeof TicketMessageRecord>

/**
 * Row of `ticket_attachments`: an attachment's metadata and content. The content is base64 text,
 * so both dialects store it in the same column type and rows read back identically.
 */
export const TicketAttachmentRecord = Type.Object(
  {
    ...TicketAttachment.properties,
    TicketMessageId: withDb(Int32('The message the attachment belongs to.'), {
      kind: 'reference',
      column: 'ticket_message_id',
      table: 'ticket_messages',
      targetColumn: 'ticket_message_id',
      key: 'TicketMessageId',
      onDelete: 'cascade',
      index: true,
    }),
    Content: Type.String({ description: 'The bytes, base64-encoded.' }),
  },
  { $id: 'TicketAttachmentRecord', description: 'Storage row of a message attachment.' }
)
export type TicketAttachmentRecord = Static<typeof TicketAttachmentRecord>

/** Row of `ticket_history`: one committed change, its field changes as JSON. */
export const TicketHistoryRecord = Type.Object(
  {
    ...omitProps(TicketHistoryEntry.properties, ['TicketId', 'Changes']),
    TicketId: withDb(TicketHistoryEntry.properties.TicketId, ticketReference),
    Changes: withDb(TicketHistoryEntry.properties.Changes, JSON_COLUMN),
  },
  { $id: 'TicketHistoryRecord', description: 'Storage row of a ticket change.' }
)
export type TicketHistoryRecord = Static<typeof TicketHistoryRecord>
