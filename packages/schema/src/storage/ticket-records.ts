import { type Static, Type } from '@sinclair/typebox'
import { DateTime, Int32, SKIP, withDb } from '../common/types.ts'
import { TicketEntity } from '../entities/ticket-entity.ts'
import { TicketMessage } from '../entities/ticket-message.ts'
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
  },
  { $id: 'TicketRecord', description: 'Storage row of a ticket.' }
)
export type TicketRecord = Static<typeof TicketRecord>

/** Row of `ticket_messages`: the message summary plus its ticket. */
export const TicketMessageRecord = Type.Object(
  {
    ...omitProps(TicketMessage.properties, [...RIGHTS, 'MessageHeaders']),
    MessageHeaders: withDb(TicketMessage.properties.MessageHeaders, SKIP),
    TicketId: withDb(Int32('The ticket this message belongs to.'), {
      kind: 'reference',
      column: 'ticket_id',
      table: 'tickets',
      targetColumn: 'ticket_id',
      key: 'TicketId',
      onDelete: 'cascade',
      index: true,
    }),
  },
  { $id: 'TicketMessageRecord', description: 'Storage row of a ticket message summary.' }
)
export type TicketMessageRecord = Static<typeof TicketMessageRecord>
