import type { TableSpec } from '@ticket/codegen'
import { AssociateRecord } from './associate-record.ts'
import { authTables } from './auth-records.ts'
import { TicketCustomFieldRecord } from './custom-field-records.ts'
import { idempotencyTables } from './idempotency-records.ts'
import { importTables } from './import-records.ts'
import { notificationTables } from './notification-records.ts'
import {
  PersonRecord,
  ProjectRecord,
  SaleRecord,
  TagRecord,
  TicketCategoryRecord,
  TicketPriorityRecord,
  TicketStatusRecord,
  TicketTypeRecord,
} from './reference-records.ts'
import {
  TicketAttachmentRecord,
  TicketHistoryRecord,
  TicketMessageRecord,
  TicketRecord,
} from './ticket-records.ts'

/** Reference data, in dependency order (a table only references tables before it). */
export const referenceTables: TableSpec[] = [
  { name: 'associates', schema: AssociateRecord, primaryKey: ['AssociateId'], autoIncrement: true },
  {
    name: 'ticket_statuses',
    schema: TicketStatusRecord,
    primaryKey: ['TicketStatusId'],
    autoIncrement: true,
  },
  {
    name: 'ticket_priorities',
    schema: TicketPriorityRecord,
    primaryKey: ['TicketPriorityId'],
    autoIncrement: true,
  },
  {
    name: 'ticket_categories',
    schema: TicketCategoryRecord,
    primaryKey: ['TicketCategoryId'],
    autoIncrement: true,
  },
  {
    name: 'ticket_types',
    schema: TicketTypeRecord,
    primaryKey: ['TicketTypeId'],
    autoIncrement: true,
  },
  { name: 'persons', schema: PersonRecord, primaryKey: ['PersonId'], autoIncrement: true },
  { name: 'sales', schema: SaleRecord, primaryKey: ['SaleId'], autoIncrement: true },
  { name: 'projects', schema: ProjectRecord, primaryKey: ['ProjectId'], autoIncrement: true },
  { name: 'tags', schema: TagRecord, primaryKey: ['Id'], autoIncrement: true },
  {
    name: 'ticket_custom_fields',
    schema: TicketCustomFieldRecord,
    primaryKey: ['Id'],
    autoIncrement: true,
  },
]

/** Tickets and what hangs off them. */
export const ticketTables: TableSpec[] = [
  {
    name: 'tickets',
    schema: TicketRecord,
    primaryKey: ['TicketId'],
    autoIncrement: true,
    // For the Ticket archive's common restrictions and sorts: an agent's queue (base status and
    // owner, newest first), status lists, persons, priorities and the date columns. A sort index
    // ends with TicketId, the archive's final sort key, so the index alone gives the page order
    // (SQLite appends the rowid to every index by itself; PostgreSQL does not).
    indexes: [
      ['BaseStatus', 'OwnedBy', 'CreatedAt', 'TicketId'],
      ['Status', 'CreatedAt', 'TicketId'],
      ['Person'],
      ['Priority'],
      ['CreatedAt', 'TicketId'],
      ['LastChanged', 'TicketId'],
      ['Deadline', 'TicketId'],
    ],
    // The escalation scheduler's look for active tickets whose alert is due, oldest first. Most
    // tickets have no alert: without this the look read every active ticket on each pass.
    partialIndexes: [{ columns: ['BaseStatus', 'AlertTimeout'], whereSet: 'AlertTimeout' }],
  },
  {
    name: 'ticket_messages',
    schema: TicketMessageRecord,
    primaryKey: ['TicketMessageId'],
    autoIncrement: true,
  },
  {
    name: 'ticket_attachments',
    schema: TicketAttachmentRecord,
    primaryKey: ['AttachmentId'],
    autoIncrement: true,
  },
  {
    name: 'ticket_history',
    schema: TicketHistoryRecord,
    primaryKey: ['HistoryId'],
    autoIncrement: true,
  },
]

/**
 * Every table, in dependency order; the migration emitter walks this list. A new group of
 * tables goes in its own file as a `TableSpec[]` and is appended here.
 */
export const storageTables: TableSpec[] = [
  ...referenceTables,
  ...ticketTables,
  ...notificationTables,
  ...authTables,
  ...idempotencyTables,
  ...importTables,
]
