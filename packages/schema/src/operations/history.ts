import { Type } from '@sinclair/typebox'
import { TicketHistoryEntry } from '../entities/ticket-history.ts'
import { commonErrors, LanguageHeaders, notFound, TicketIdParam } from './common.ts'
import { defineOperations } from './define.ts'
import { PageQuery } from './messages.ts'

/** The change history of a ticket. */
export const historyOps = defineOperations({
  GetTicketHistory: {
    method: 'get',
    path: '/api/v1/Ticket/{id}/History',
    summary: 'Every committed change to a ticket and its messages, newest first',
    tags: ['Ticket'],
    params: TicketIdParam,
    query: PageQuery,
    headers: LanguageHeaders,
    responses: {
      200: {
        description: 'One page of changes; `Link: <…>; rel="next"` names the next page.',
        schema: Type.Array(TicketHistoryEntry),
      },
      ...commonErrors,
      404: notFound,
    },
  },
})
