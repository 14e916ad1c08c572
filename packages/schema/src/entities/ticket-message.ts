import { type Static, Type } from '@sinclair/typebox'
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
  Text,
  withDb,
} from '../common/types.ts'
import { TicketMessageType } from '../enums/message-type.ts'
import { Slevel } from '../enums/slevel.ts'
import { Associate } from './associate.ts'
import { Person } from './person.ts'

/** One header line of a message; SuperOffice's samples show these as `{}`. */
export const MessageHeader = Type.Object(
  {
    Name: Type.Optional(Text('Header name', 255)),
    Value: Type.Optional(Text('Header value', 4000)),
  },
  { description: 'An email header of a message.' }
)
export type MessageHeader = Static<typeof MessageHeader>

/**
 * The summary of a message on a ticket (the items of `TicketEntity.Messages`), derived from the
 * stored TicketMessageEntity on every read. The body is in TicketMessageEntity.
 * @example { TicketMessageId: 1, CreatedAt: '2024-01-01T10:00:00Z', Slevel: 'External', Important: false }
 */
export const TicketMessage = Type.Object(
  {
    TicketMessageId: Int32('Primary key'),
    CreatedAt: DateTime({ description: 'When the message was created.' }),
    Slevel: Describe(Slevel, 'The security level of the message.'),
    Important: Bool('Whether the message is marked important.'),
    Author: Text('The author of the message.', 255),
    PersonId: Int32('The person who wrote the message, if external.'),
    PersonFullName: Text('Full name of the person.', 255),
    ContactId: Int32('The company of the person.'),
    ContactName: Text('Name of the company of the person.', 255),
    ContactDepartment: Text('Department of the company of the person.', 255),
    NumAttachments: Int32('The number of attachments.'),
    EmailHeader: Text('The email header (from address) of the message.', 255),
    MessageHeaders: Type.Array(MessageHeader, { description: 'The email headers of the message.' }),
    Language: Text('The language of the message.', 20),
    Sentiment: Int32('The sentiment index of the message.'),
    SentimentConfidence: Int32('The sentiment confidence of the message.'),
    CreatedBy: Int32('The associate id of the creator.'),
    ChangedAt: DateTime({ description: 'When the message was last changed.' }),
    Badge: Type.Optional(Text('Badge shown for the message, e.g. Comment.', 50)),
    ...rightsProperties(),
  },
  { $id: 'TicketMessage', description: 'A ticket message summary.' }
)
export type TicketMessage = Static<typeof TicketMessage>

/** Largest attachment accepted, in bytes (10 MiB); a multipart upload above it is 413. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
/** Most attachments one message may carry. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 20

/**
 * An attachment of a message: its metadata. The bytes are uploaded with the message as
 * `multipart/form-data` and downloaded from `GET /api/v1/TicketMessage/{id}/Attachments/{attachmentId}`.
 * @example { AttachmentId: 3, Name: 'screenshot.png', ContentType: 'image/png', AttSize: 48213 }
 */
export const TicketAttachment = Type.Object(
  {
    AttachmentId: Int32('Primary key'),
    Name: Text('The file name.', 255),
    ContentType: Text('The media type, e.g. image/png.', 255),
    AttSize: Int32('Size of the content in bytes.', { minimum: 0 }),
  },
  { $id: 'TicketAttachment', description: 'An attachment of a ticket message.' }
)
export type TicketAttachment = Static<typeof TicketAttachment>

const person = withDb(
  Nullable(Person, {
    description: 'The customer person who wrote the message; null when an associate wrote it.',
  }),
  {
    kind: 'reference',
    column: 'person_id',
    table: 'persons',
    targetColumn: 'person_id',
    key: 'PersonId',
    onDelete: 'set null',
  }
)

/**
 * A message of a ticket with its body, as saved by `POST /api/v1/TicketMessage` and read by
 * `GET /api/v1/TicketMessage/{id}`. A message without `Person` is written by its `CreatedBy`
 * associate; one with `Person` came from that customer.
 * @example { TicketMessageId: 0, TicketId: 12, Slevel: 'External', Body: 'We have replaced the toner.', Type: 'Email' }
 */
export const TicketMessageEntity = Type.Object(
  {
    TicketMessageId: Int32('The primary key (auto-incremented)'),
    EjMessageId: withDb(
      Int32("The primary key as SuperOffice's clients name it; always equal to TicketMessageId."),
      SKIP
    ),
    TicketId: Int32('The ticket this message belongs to.', { minimum: 1 }),
    Ticket: withDb(
      Nullable(Type.Object({ TicketId: Int32('The ticket this message belongs to.') }), {
        description:
          "The ticket as SuperOffice's clients send it (`{ TicketId }`); TicketId says the same. Null in responses.",
      }),
      SKIP
    ),
    CreatedAt: ReadOnly(DateTime({ description: 'When the message was created.' })),
    ChangedAt: ReadOnly(DateTime({ description: 'When the message was last changed.' })),
    CreatedBy: ReadOnly(
      withDb(Nullable(Associate, { description: 'The associate who saved the message.' }), {
        kind: 'reference',
        column: 'created_by_id',
        table: 'associates',
        targetColumn: 'associate_id',
        key: 'AssociateId',
        onDelete: 'set null',
      })
    ),
    Author: Text('Who wrote the message, as shown (name or email address).', 255),
    Person: person,
    Slevel: Describe(Slevel, 'Internal (staff only) or External (visible to the customer).'),
    Type: Describe(TicketMessageType, 'Whether the main body is plain text or HTML.'),
    Important: Bool('Whether the message is marked important.'),
    Body: Text('The message as plain text.', 1_000_000),
    HtmlBody: Text('The message as HTML; empty when it has only a plain-text body.', 1_000_000),
    TimeSpent: Int32('Minutes spent on this message.', { minimum: 0 }),
    EmailHeader: Text('The email header (from address) of the message.', 255),
    MessageHeaders: withDb(
      Type.Array(MessageHeader, {
        description: 'The email headers of the message.',
        maxItems: 1000,
      }),
      JSON_COLUMN
    ),
    Language: Text('The language of the message.', 20),
    Attachments: ReadOnly(
      withDb(
        Type.Array(TicketAttachment, {
          description: 'The attachments; upload them as multipart/form-data with the message.',
        }),
        SKIP
      )
    ),
    NumAttachments: ReadOnly(Int32('The number of attachments.')),
    ...rightsProperties(),
  },
  { $id: 'TicketMessageEntity', description: 'A ticket message with its body.' }
)
export type TicketMessageEntity = Static<typeof TicketMessageEntity>
