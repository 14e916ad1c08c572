import { Type } from '@sinclair/typebox'
import { TicketEntity } from '../entities/ticket-entity.ts'
import { ReadStatus } from '../enums/read-status.ts'
import { commonErrors, LanguageHeaders, notFound, TicketIdParam } from './common.ts'
import { defineOperations } from './define.ts'

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
    query: Type.Object({ readStatus: Type.Optional(ReadStatus) }),
    headers: LanguageHeaders,
    responses: {
      200: { description: 'The ticket after the change.', schema: TicketEntity },
      ...commonErrors,
      404: notFound,
    },
  },
})
