import { type Static, Type } from '@sinclair/typebox'
import { rightsProperties } from '../common/rights.ts'
import {
  Describe,
  Int32,
  JSON_COLUMN,
  Nullable,
  ReadOnly,
  StringDictionary,
  Text,
  withDb,
} from '../common/types.ts'
import { ClosingStatus } from '../enums/closing-status.ts'
import { DelegateMethod } from '../enums/delegate-method.ts'
import { TicketCategoryFlags } from '../enums/ticket-category-flags.ts'
import { TicketStatusEntity } from './ticket-status.ts'

/**
 * A ticket category (queue) with its assignment rules.
 * @example { TicketCategoryId: 2, ParentId: -1, Name: 'Support', DelegateMethod: 'Even' }
 */
export const TicketCategoryEntity = Type.Object(
  {
    TicketCategoryId: Int32('Primary key'),
    ParentId: Int32('The parent category id; -1 for a top-level category.'),
    Name: Text('The name of the category; may be a multi-language value.', 255),
    Fullname: Text('The full path name of the category, e.g. "norway/product A/support".', 1000),
    CategoryMaster: Int32('The associate id of the category master (administrator).'),
    Flags: Describe(TicketCategoryFlags, 'Category options as comma-joined flag names.'),
    DelegateMethod: Describe(DelegateMethod, 'How new tickets are assigned to members.'),
    ExternalName: Text('The name shown to customers.', 255),
    ClosingStatus: Describe(ClosingStatus, 'Default status when closing a ticket in the GUI.'),
    MsgClosingStatus: Describe(
      ClosingStatus,
      'Default status when answering a message in the GUI.'
    ),
    AssignmentLag: Int32(
      'Number of minutes we shall override the assignment if a customer sends consecutive messages; -1 disables it.'
    ),
    ReplyTemplate: Int32('Reply template id used for replies in this category.'),
    NotificationEmail: Text(
      'Comma separated list of addresses to notify when requests are redelegated to (unassigned) in this category',
      1000
    ),
    DefaultTicketStatus: Nullable(TicketStatusEntity, {
      description: 'Default status of new tickets in this category.',
    }),
    DefaultMessageStatus: Nullable(TicketStatusEntity, {
      description: 'Default status of a ticket when a new message arrives in this category.',
    }),
    EffectiveReplyTemplateId: ReadOnly(
      Int32('The reply template in effect, inherited from parents (calculated, read-only).')
    ),
    ExtraFields: withDb(
      StringDictionary('Extra fields added to the carrier (deprecated).'),
      JSON_COLUMN
    ),
    CustomFields: withDb(
      StringDictionary('Udef + Extra fields added to the carrier.'),
      JSON_COLUMN
    ),
    ...rightsProperties(),
  },
  { $id: 'TicketCategoryEntity', description: 'A ticket category.' }
)
export type TicketCategoryEntity = Static<typeof TicketCategoryEntity>
