import { Type } from '@sinclair/typebox'
import { FindTicketsByTitleOrIdRequest, TicketInfo } from '../model.ts'
import { agentInputOf } from './agent-input.ts'
import { commonErrors, LanguageHeaders } from './common.ts'
import { defineOperations } from './define.ts'

/** `POST /api/v1/Agents/CustomerService/<method>`: SuperOffice's Service agent. */
export const customerServiceOps = defineOperations({
  CustomerService_FindTicketsByTitleOrId: {
    method: 'post',
    path: '/api/v1/Agents/CustomerService/FindTicketsByTitleOrId',
    summary: 'Searches for tickets matching title or id',
    description:
      'Full-text search over titles and message bodies, best match first; a number also finds the ticket with that id (listed first). Deleted tickets are never found.',
    tags: ['CustomerService agent'],
    headers: LanguageHeaders,
    body: {
      schema: FindTicketsByTitleOrIdRequest,
      input: agentInputOf(FindTicketsByTitleOrIdRequest),
      mediaTypes: ['application/json', 'text/json'],
      required: true,
    },
    responses: {
      200: { description: 'The found tickets.', schema: Type.Array(TicketInfo) },
      ...commonErrors,
    },
  },
})
