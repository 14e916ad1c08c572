import { type Static, Type } from '@sinclair/typebox'
import type { DbHint } from '@ticket/codegen'
import { rightsProperties } from '../common/rights.ts'
import {
  Bool,
  DateTime,
  Describe,
  Int32,
  JSON_COLUMN,
  Nullable,
  ReadOnly,
  SKIP,
  StringDictionary,
  Text,
  withDb,
} from '../common/types.ts'
import { BaseStatus } from '../enums/base-status.ts'
import { Origin } from '../enums/origin.ts'
import { ReadStatus } from '../enums/read-status.ts'
import { Slevel } from '../enums/slevel.ts'
import { Associate } from './associate.ts'
import responseSample from './fixtures/post-ticket-response-sample.json' with { type: 'json' }
import { Person } from './person.ts'
import { Project } from './project.ts'
import { Sale } from './sale.ts'
import { Tag } from './tag.ts'
import { TicketCategoryEntity } from './ticket-category.ts'
import { TicketFormSubmission } from './ticket-form-submission.ts'
import { TicketMessage } from './ticket-message.ts'
import { TicketPriorityEntity } from './ticket-priority.ts'
import { TicketStatusEntity } from './ticket-status.ts'
import { TicketType } from './ticket-type.ts'

const reference = (
  column: string,
  table: string,
  targetColumn: string,
  key: string,
  index = false
): DbHint => ({
  kind: 'reference',
  column,
  table,
  targetColumn,
  key,
  onDelete: 'set null',
  ...(index ? { index } : {}),
})

const date = (description: string) => DateTime({ description })

/**
 * A ticket (request) with its nested carriers, as saved by `POST /api/v1/Ticket` and returned by
 * every entity call. Property order follows SuperOffice's reference page.
 *
 * Optional properties are the ones SuperOffice's own request sample leaves out (the newer
 * TicketType, FormSubmission, TimeSpent, ActiveStatusMonitorId and the rights); the service
 * always sends them.
 * @example { TicketId: 0, Title: 'Printer on fire', BaseStatus: 'Active', Slevel: 'External' }
 */
export const TicketEntity = Type.Object(
  {
    TicketId: Int32('The primary key (auto-incremented); 0 creates.', { minimum: 0 }),
    Title: Text('The title of the ticket.', 255),
    CreatedAt: ReadOnly(date('When the ticket was created.')),
    LastChanged: ReadOnly(date('The last time the ticket was modified.')),
    ReadByOwner: ReadOnly(date('The datetime for when the ticket last was read by the owner.')),
    ReadByCustomer: ReadOnly(date('The datetime for when the ticket was read by the customer.')),
    FirstReadByOwner: ReadOnly(
      date('The datetime for when the ticket first was read by the current owner.')
    ),
    FirstReadByUser: ReadOnly(date('The datetime for when the ticket first was read by a user.')),
    Activate: date('When the ticket should be activated, if it is postponed.'),
    ClosedAt: ReadOnly(date('When the ticket was closed.')),
    RepliedAt: ReadOnly(
      date(
        'The datetime for when the ticket was replied to. I.e. the first external message added to the ticket.'
      )
    ),
    AlertTimeout: ReadOnly(
      date('The datetime for when the ticket should jump to the next alert_level.')
    ),
    Deadline: date('Deadline for ticket.'),
    CreatedBy: ReadOnly(
      withDb(
        Nullable(Associate, { description: 'The associate who created this ticket' }),
        reference('created_by_id', 'associates', 'associate_id', 'AssociateId')
      )
    ),
    Author: Text(
      'A string representing the author of the ticket (same as author of first message).',
      255
    ),
    OwnedBy: withDb(
      Nullable(Associate, {
        description:
          'The associate who owns this ticket. Setting the id to 0 will make the ticket unassigned. Setting the id to 2147483647 (MaxInt) will make it automatically assigned according to the ticket category assignment rules. Use MDO List name "associate" to get list items.',
      }),
      reference('owned_by_id', 'associates', 'associate_id', 'AssociateId', true)
    ),
    Category: withDb(
      Nullable(TicketCategoryEntity, {
        description:
          'The ticket category entity which this ticket is connected to. Use MDO List name "ejcategory" to get list items.',
      }),
      reference('category_id', 'ticket_categories', 'ticket_category_id', 'TicketCategoryId', true)
    ),
    Slevel: Describe(Slevel, 'The securitylevel of the ticket.'),
    Priority: withDb(
      Nullable(TicketPriorityEntity, {
        description:
          'The ticket priority entity which this ticket is connected to. Use MDO List name "ticketpriority" to get list items.',
      }),
      reference('priority_id', 'ticket_priorities', 'ticket_priority_id', 'TicketPriorityId')
    ),
    BaseStatus: withDb(
      Describe(
        BaseStatus,
        'The status of the ticket. I.e. active/closed/postponed/deleted. Use MDO List name "ticketstatus" to get list items.'
      ),
      // No index of its own: the tickets table's (BaseStatus, OwnedBy, CreatedAt, TicketId)
      // index serves every lookup by BaseStatus, and each index costs every save a write.
      { kind: 'column' }
    ),
    Status: withDb(
      Nullable(TicketStatusEntity, {
        description:
          'The ticket status entity which this ticket is connected to. Use MDO List name "ticketstatus" to get list items.',
      }),
      reference('status_id', 'ticket_statuses', 'ticket_status_id', 'TicketStatusId')
    ),
    Origin: Describe(Origin, 'What is the origin of this ticket'),
    Person: withDb(
      Nullable(Person, {
        description:
          'The primary person that this ticket is connected to. Use MDO List name "person_new" to get list items.',
      }),
      reference('person_id', 'persons', 'person_id', 'PersonId')
    ),
    SecondaryPersons: withDb(
      Type.Array(Person, {
        description:
          'The secondary persons this ticket is connected to. Use MDO List name "person_new" to get list items.',
      }),
      {
        kind: 'link',
        table: 'ticket_secondary_persons',
        parentColumn: 'ticket_id',
        targetColumn: 'person_id',
        target: { table: 'persons', column: 'person_id' },
        key: 'PersonId',
      }
    ),
    AlertLevel: ReadOnly(
      Int32('The alert level for the ticket. Matches the level value of the ticket_alert table.')
    ),
    ConnectId: Int32(
      "If a ticket is connected to another ticket, this field is set to the id of the 'master' ticket."
    ),
    ReadStatus: ReadOnly(
      Describe(ReadStatus, 'Whether the owner has read the ticket or not (red, yellow, green).')
    ),
    TimeToReply: ReadOnly(
      Int32(
        "The time (minutes) between when the ticket was created and when it was replied to. Calculated based on priority's timeframe."
      )
    ),
    RealTimeToReply: ReadOnly(
      Int32('Same as time_to_reply, but not calculated based on priority.')
    ),
    TimeToClose: ReadOnly(
      Int32(
        "The time (minutes) between when the ticket was created and when it was closed. Calculated based on priority's timeframe."
      )
    ),
    RealTimeToClose: ReadOnly(
      Int32('Same as time_to_close, but not calculated based on priority.')
    ),
    TimeSpentInternally: ReadOnly(
      Int32(
        "The total time (seconds) within the priority's office hours the ticket has been in an open status (configurable), not including current state"
      )
    ),
    TimeSpentExternally: ReadOnly(
      Int32(
        "The total time (seconds) within the priority's office hours the ticket has been in a external waiting status (configurable), not including current state"
      )
    ),
    TimeSpentQueue: ReadOnly(
      Int32(
        "The total time (seconds) within the priority's office hours the ticket has been in a queue status, not including current state"
      )
    ),
    RealTimeSpentInternally: ReadOnly(
      Int32(
        'The total time (seconds) within 24x7 the ticket has been in an open status (configurable), not including current state'
      )
    ),
    RealTimeSpentExternally: ReadOnly(
      Int32(
        'The total time (seconds) within 24x7 the ticket has been in a external waiting status (configurable), not including current state'
      )
    ),
    RealTimeSpentQueue: ReadOnly(
      Int32(
        'The total time (seconds) within 24x7 hours the ticket has been in a queue status, not including current state'
      )
    ),
    HasAttachment: ReadOnly(Bool('Boolean indicating if this ticket has one or more attachments.')),
    NumReplies: ReadOnly(
      Int32('The number of replies (messages) to the customer for this request.')
    ),
    NumMessages: ReadOnly(Int32('The total number of messages for this request.')),
    FromAddress: Text('The from-address used when this ticket got created, e.g. by email', 255),
    Messages: ReadOnly(
      withDb(
        Type.Array(TicketMessage, {
          description:
            'TicketMessageId, CreatedAt, SLevel and Important for all the messages connected to this ticket. For message body see the TicketMessageEntity or the TicketMessage archive.',
        }),
        SKIP
      )
    ),
    Tags: withDb(
      Type.Array(Tag, { description: 'An array containing the tags assigned to this request' }),
      {
        kind: 'link',
        table: 'ticket_tags',
        parentColumn: 'ticket_id',
        targetColumn: 'tag_id',
        target: { table: 'tags', column: 'id' },
        key: 'Id',
      }
    ),
    Language: Text('The language of the first external message', 20),
    Sentiment: ReadOnly(Int32('The sentiment index of the last external message')),
    SentimentConfidence: ReadOnly(Int32('The sentiment confidence of the last external message')),
    SuggestedCategoryId: ReadOnly(
      Int32('Suggestion for categorization, based on the text of the message (AI)')
    ),
    SuggestedCategoryName: ReadOnly(Text('Suggested category from AI', 255)),
    OrigHumanCategoryId: Int32(
      'Will contain the category id selected by the user, when having the choice of using the suggested category or manually selecting a category'
    ),
    IconHint: ReadOnly(withDb(Text("Icon representing ticket's state", 100), SKIP)),
    Sale: withDb(
      Nullable(Sale, {
        description:
          'The sale that this ticket connected to. Use MDO List name "sale" to get list items.',
      }),
      reference('sale_id', 'sales', 'sale_id', 'SaleId')
    ),
    Project: withDb(
      Nullable(Project, {
        description:
          'The project that this ticket connected to. Use MDO List name "project" to get list items.',
      }),
      reference('project_id', 'projects', 'project_id', 'ProjectId')
    ),
    TicketType: Type.Optional(
      withDb(
        Nullable(TicketType, {
          description:
            'The ticket type of this ticket. Use MDO List name "tickettype" to get list items.',
        }),
        reference('ticket_type_id', 'ticket_types', 'ticket_type_id', 'TicketTypeId')
      )
    ),
    FormSubmission: Type.Optional(
      withDb(
        // Stored as the client sent it, so any of its properties may be missing when read.
        Nullable(Type.Partial(TicketFormSubmission), {
          description:
            'The form submission this ticket was created from, if any, with the properties it was sent with.',
        }),
        JSON_COLUMN
      )
    ),
    TimeSpent: Type.Optional(
      ReadOnly(
        Int32(
          "Time spent (minutes), aggregated from the ticket's messages. Read-only for external use."
        )
      )
    ),
    ActiveStatusMonitorId: Type.Optional(
      ReadOnly(
        Int32(
          'The id of the status monitor currently active for the ticket. Read-only property and is ignored on Save.'
        )
      )
    ),
    ExtraFields: withDb(
      StringDictionary(
        'Deprecated: Use CustomFields instead. Extra fields added to the carrier. This could be data from Plug-ins, the foreign key system, external applications, etc.'
      ),
      JSON_COLUMN
    ),
    CustomFields: withDb(
      StringDictionary(
        'Udef + Extra fields added to the carrier. Extra fields as defined by changes to database schema + user-defined fields as defined by admin. Custom fields combines user defined fields and extra fields into one bucket.'
      ),
      JSON_COLUMN
    ),
    ...rightsProperties(),
  },
  {
    $id: 'TicketEntity',
    description: 'A ticket (request) with its nested carriers.',
    // The reference sample of a saved ticket: the example /docs shows.
    examples: [responseSample],
  }
)
export type TicketEntity = Static<typeof TicketEntity>
