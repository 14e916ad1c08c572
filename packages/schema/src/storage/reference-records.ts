import { type Static, Type } from '@sinclair/typebox'
import type { DbHint } from '@ticket/codegen'
import { Bool, Int32, JSON_COLUMN, Text, withDb } from '../common/types.ts'
import { Person } from '../entities/person.ts'
import { Project } from '../entities/project.ts'
import { Sale } from '../entities/sale.ts'
import { Tag } from '../entities/tag.ts'
import { TicketCategoryEntity } from '../entities/ticket-category.ts'
import { TicketPriorityEntity } from '../entities/ticket-priority.ts'
import { TicketStatusEntity } from '../entities/ticket-status.ts'
import { TicketType } from '../entities/ticket-type.ts'
import { omitProps, RIGHTS } from './props.ts'

const statusReference = (column: string): DbHint => ({
  kind: 'reference',
  column,
  table: 'ticket_statuses',
  targetColumn: 'ticket_status_id',
  key: 'TicketStatusId',
  onDelete: 'set null',
})

/** Row of `ticket_statuses`. */
export const TicketStatusRecord = Type.Object(omitProps(TicketStatusEntity.properties, RIGHTS), {
  $id: 'TicketStatusRecord',
  description: 'Storage row of a ticket status.',
})
export type TicketStatusRecord = Static<typeof TicketStatusRecord>

/**
 * Row of `ticket_priorities`; non-dates and escalation levels kept as JSON. `TimeZone` says in
 * which zone the working hours and non-dates are wall-clock times.
 */
export const TicketPriorityRecord = Type.Object(
  {
    ...omitProps(TicketPriorityEntity.properties, [...RIGHTS, 'EscalationLevels', 'NonDates']),
    NonDates: withDb(TicketPriorityEntity.properties.NonDates, JSON_COLUMN),
    // Optional: rows stored before these columns existed have none (no steps; UTC).
    EscalationLevels: Type.Optional(
      withDb(TicketPriorityEntity.properties.EscalationLevels, JSON_COLUMN)
    ),
    TimeZone: Type.Optional(
      Text('IANA time zone of the working hours and non-dates, e.g. Europe/Oslo.', 64)
    ),
  },
  { $id: 'TicketPriorityRecord', description: 'Storage row of a ticket priority.' }
)
export type TicketPriorityRecord = Static<typeof TicketPriorityRecord>

/** An item of `category_members`: one associate in a category with an assignment weight. */
export const CategoryMemberRecord = Type.Object(
  {
    AssociateId: withDb(Int32('The member associate.'), {
      kind: 'reference',
      column: 'associate_id',
      table: 'associates',
      targetColumn: 'associate_id',
      key: 'AssociateId',
      onDelete: 'cascade',
    }),
    Weight: Int32('Weight for the Weighted assignment method (proportional share).', {
      minimum: 0,
    }),
  },
  { $id: 'CategoryMemberRecord', description: 'A category member.' }
)
export type CategoryMemberRecord = Static<typeof CategoryMemberRecord>

/** Row of `ticket_categories` plus its members (child table `category_members`). */
export const TicketCategoryRecord = Type.Object(
  {
    ...omitProps(TicketCategoryEntity.properties, [
      ...RIGHTS,
      'DefaultTicketStatus',
      'DefaultMessageStatus',
    ]),
    DefaultTicketStatus: withDb(
      TicketCategoryEntity.properties.DefaultTicketStatus,
      statusReference('default_ticket_status_id')
    ),
    DefaultMessageStatus: withDb(
      TicketCategoryEntity.properties.DefaultMessageStatus,
      statusReference('default_message_status_id')
    ),
    Members: withDb(
      Type.Array(CategoryMemberRecord, { description: 'The members of the category.' }),
      { kind: 'children', table: 'category_members', parentColumn: 'ticket_category_id' }
    ),
    IsDefault: Bool('Whether this is the default category for new tickets.'),
    AssignmentState: Type.Optional(
      withDb(
        Type.Record(Type.String(), Type.Number(), {
          description:
            'Automatic assignment memory: the round-robin cursor or the smooth weighted current weights, by member.',
        }),
        JSON_COLUMN
      )
    ),
  },
  { $id: 'TicketCategoryRecord', description: 'Storage row of a ticket category.' }
)
export type TicketCategoryRecord = Static<typeof TicketCategoryRecord>

/** Row of `ticket_types`. */
export const TicketTypeRecord = Type.Object(
  {
    ...omitProps(TicketType.properties, [...RIGHTS, 'VisibleForGroups']),
    VisibleForGroups: withDb(TicketType.properties.VisibleForGroups, JSON_COLUMN),
  },
  { $id: 'TicketTypeRecord', description: 'Storage row of a ticket type.' }
)
export type TicketTypeRecord = Static<typeof TicketTypeRecord>

/** Row of `persons`. */
export const PersonRecord = Type.Object(omitProps(Person.properties, RIGHTS), {
  $id: 'PersonRecord',
  description: 'Storage row of a person.',
})
export type PersonRecord = Static<typeof PersonRecord>

/** Row of `sales`. */
export const SaleRecord = Type.Object(omitProps(Sale.properties, RIGHTS), {
  $id: 'SaleRecord',
  description: 'Storage row of a sale.',
})
export type SaleRecord = Static<typeof SaleRecord>

/** Row of `projects`. */
export const ProjectRecord = Type.Object(omitProps(Project.properties, RIGHTS), {
  $id: 'ProjectRecord',
  description: 'Storage row of a project.',
})
export type ProjectRecord = Static<typeof ProjectRecord>

/** Row of `tags`; `NameKey` (lower-cased Name) makes names unique case-insensitively. */
export const TagRecord = Type.Object(
  {
    ...omitProps(Tag.properties, RIGHTS),
    NameKey: withDb(Text('Name lower-cased (toLocaleLowerCase("en")), for matching.', 255), {
      kind: 'column',
      unique: true,
    }),
  },
  { $id: 'TagRecord', description: 'Storage row of a tag.' }
)
export type TagRecord = Static<typeof TagRecord>
