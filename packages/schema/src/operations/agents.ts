import { type TSchema, Type } from '@sinclair/typebox'
import type { OperationSpec } from '@ticket/codegen'
import {
  DeleteTicketEntityRequest,
  GetTicketsRequest,
  NotifyNewTicketRequest,
  SaveTicketEntityWithNotifyRequest,
  Ticket,
  TicketEntity,
} from '../model.ts'
import { commonErrors, LanguageHeaders, SelectQuery } from './common.ts'

const tags = ['Ticket agent']
const json = ['application/json', 'text/json']
const orNull = (schema: TSchema) => Type.Union([schema, Type.Null()])

/** `POST /api/v1/Agents/Ticket/<method>`: the routes SuperOffice's own clients call. */
function agent(
  method: string,
  summary: string,
  io: { query?: OperationSpec['query']; body?: TSchema; response?: TSchema }
): OperationSpec {
  return {
    operationId: `TicketAgent_${method}`,
    method: 'post',
    path: `/api/v1/Agents/Ticket/${method}`,
    summary,
    description:
      'Agent convention: camelCase or PascalCase body in, PascalCase out; a missing entity is 200 with body `null`.',
    tags,
    query: io.query,
    headers: LanguageHeaders,
    body: io.body ? { schema: io.body, mediaTypes: json, required: false } : undefined,
    responses: {
      ...(io.response
        ? { 200: { description: 'OK', schema: io.response } }
        : { 204: { description: 'Done.' } }),
      ...commonErrors,
    },
  }
}

const ticketEntityId = Type.Object({
  ticketEntityId: Type.Integer({ description: 'The TicketId of the ticket' }),
  $select: Type.Optional(SelectQuery),
})

export const agentOperations: OperationSpec[] = [
  agent('CreateDefaultTicketEntity', 'A new TicketEntity with default values', {
    response: TicketEntity,
  }),
  agent('SaveTicketEntity', 'Updates the existing TicketEntity or creates a new one', {
    body: TicketEntity,
    response: TicketEntity,
  }),
  agent('SaveTicketEntityWithNotify', 'Saves a ticket and performs any user notifications', {
    body: SaveTicketEntityWithNotifyRequest,
    response: TicketEntity,
  }),
  agent('GetTicketEntity', 'Gets a TicketEntity; `null` when missing', {
    query: ticketEntityId,
    response: orNull(TicketEntity),
  }),
  agent('GetTicket', 'Gets the flat Ticket carrier; `null` when missing', {
    query: Type.Object({ ticketId: Type.Integer({ description: 'The TicketId of the ticket' }) }),
    response: orNull(Ticket),
  }),
  agent('GetTickets', 'Gets the flat Ticket carriers of the ids that exist', {
    body: GetTicketsRequest,
    response: Type.Array(Ticket),
  }),
  agent('DeleteTicketEntity', 'Deletes the ticket', { body: DeleteTicketEntityRequest }),
  agent('NotifyNewTicket', 'Notify user agents about the creation of a new ticket', {
    body: NotifyNewTicketRequest,
  }),
]
