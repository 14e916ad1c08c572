import { Type } from '@sinclair/typebox'
import { TicketEntity } from '../entities/ticket-entity.ts'
import { ReadStatus } from '../enums/read-status.ts'
import { commonErrors, LanguageHeaders, notFound, TicketIdParam } from './common.ts'
import { defineOperations } from './define.ts'

// The status enum with this operation's own default (the enum's own is Unknown, which does nothing).
const { $id: _shared, ...statusEnum } = ReadStatus
const GreenByDefault = {
  ...statusEnum,
  default: 'Green',
  description: 'Green marks it read (the default); Red or Yellow marks it unread.',
} as typeof ReadStatus

/** The REST twin of the agent's `SetTicketReadByOwner`. */
export const readStatusOps = defineOperations({
  SetTicketReadByOwner: {
    method: 'post',
    path: '/api/v1/Ticket/{id}/ReadByOwner',
    summary: "Sets the owner's read status of a ticket",
    description:
      'Green (the default) records that the owner has read the ticket now; Red or Yellow marks it unread again; Unknown does nothing.',
    tags: ['Ticket'],
    params: TicketIdParam,
    query: Type.Object({
      readStatus: Type.Optional(GreenByDefault),
    }),
    headers: LanguageHeaders,
    responses: {
      200: { description: 'The ticket after the change.', schema: TicketEntity },
      ...commonErrors,
      404: notFound,
    },
  },
})
