import { type Static, Type } from '@sinclair/typebox'
import { rightsProperties } from '../common/rights.ts'
import { Bool, DateTime, Describe, Int32, SKIP, Text, withDb } from '../common/types.ts'
import { Slevel } from '../enums/slevel.ts'

/** One header line of a message; SuperOffice's samples show these as `{}`. */
export const MessageHeader = Type.Object(
  {
    Name: Type.Optional(Text('Header name', 255)),
    Value: Type.Optional(Text('Header value', 4000)),
  },
  { description: 'An email header of a message.' }
)

/**
 * The summary of a message on a ticket (the items of `TicketEntity.Messages`). The message body
 * lives in TicketMessageEntity, which this service does not expose.
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
    MessageHeaders: withDb(
      Type.Array(MessageHeader, { description: 'The email headers of the message.' }),
      SKIP
    ),
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
