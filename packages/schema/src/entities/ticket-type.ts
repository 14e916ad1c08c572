import { type Static, Type } from '@sinclair/typebox'
import { rightsProperties } from '../common/rights.ts'
import { Bool, Int32, Text } from '../common/types.ts'

/**
 * A ticket type (request type) with its defaults. MDO list `tickettype`.
 * @example { TicketTypeId: 1, Name: 'Support', IsDefault: true, DefaultTicketStatus: 0 }
 */
export const TicketType = Type.Object(
  {
    TicketTypeId: Int32('Primary key'),
    Name: Text('The name of the ticket type; may be a multi-language value.', 255),
    Icon: Text('The icon of the ticket type.', 255),
    DefaultTicketStatus: Int32('Default ticket status id for new tickets of this type; 0 = none.'),
    DefaultTicketPriority: Int32('Default priority id for new tickets of this type; 0 = none.'),
    IsDefault: Bool('Whether this is the default ticket type.'),
    ShowInNew: Bool('Whether the type is offered when creating a ticket.'),
    ExcludeSignature: Bool('Whether messages of this type exclude the signature.'),
    ExcludeEmailRecipients: Bool('Whether email recipients are excluded.'),
    ExternalAsDefault: Bool('Whether new messages are external by default.'),
    VisibleForGroups: Type.Array(Int32('A user group id.'), {
      description: 'User groups the type is visible for; [] = all.',
    }),
    ReplyForwardNoSignature: Bool('Whether replies and forwards leave out the signature.'),
    ReplyExternalAsDefault: Bool('Whether replies are external by default.'),
    ...rightsProperties(),
  },
  { $id: 'TicketType', description: 'A ticket type.' }
)
export type TicketType = Static<typeof TicketType>
