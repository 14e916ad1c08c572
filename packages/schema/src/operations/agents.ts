import { type TObject, type TSchema, Type } from '@sinclair/typebox'
import {
  DeleteTicketEntityRequest,
  GetTicketsRequest,
  NotifyNewTicketRequest,
  SaveTicketEntityWithNotifyRequest,
  SaveTicketMessageEntityWithNotifyRequest,
  SetTicketReadByOwnerRequest,
  Ticket,
  TicketEntity,
  TicketMessageEntity,
} from '../model.ts'
import { agentInputOf } from './agent-input.ts'
import { commonErrors, LanguageHeaders, SelectQuery } from './common.ts'
import { selectable, TicketEntitySelection } from './selection.ts'

const tags = ['Ticket agent']
const json = ['application/json', 'text/json']
const orNull = (schema: TSchema) => Type.Union([schema, Type.Null()])

interface AgentMethod {
  summary: string
  query?: TObject
  body?: TSchema
  response?: TSchema
  /** The documented response when it is wider than `response` (a `$select` read). */
  output?: TSchema
}

/** The operation an agent method is: typed by its own query, body and response schemas. */
type AgentOperation<M extends string, A extends AgentMethod> = {
  operationId: `TicketAgent_${M}`
  method: 'post'
  path: `/api/v1/Agents/Ticket/${M}`
  summary: string
  description: string
  tags: string[]
  query: A extends { query: infer Q extends TObject } ? Q : undefined
  headers: typeof LanguageHeaders
  body: A extends { body: infer B extends TSchema }
    ? { schema: B; input: TSchema; mediaTypes: string[]; required: false }
    : undefined
  responses: (A extends { response: infer R extends TSchema }
    ? { 200: { description: string; schema: R } }
    : { 204: { description: string } }) &
    typeof commonErrors
}

/**
 * `POST /api/v1/Agents/Ticket/<method>`: the routes SuperOffice's own clients call, one
 * operation per method, named `TicketAgent_<method>`.
 */
function agentOperations<T extends Record<string, AgentMethod>>(
  methods: T
): { [M in keyof T & string as `TicketAgent_${M}`]: AgentOperation<M, T[M]> } {
  const byId: Record<string, unknown> = {}
  for (const [method, io] of Object.entries(methods)) {
    byId[`TicketAgent_${method}`] = {
      operationId: `TicketAgent_${method}`,
      method: 'post',
      path: `/api/v1/Agents/Ticket/${method}`,
      summary: io.summary,
      description:
        'Agent convention: camelCase or PascalCase body in, PascalCase out; a missing entity is 200 with body `null`.',
      tags,
      query: io.query,
      headers: LanguageHeaders,
      body: io.body
        ? { schema: io.body, input: agentInputOf(io.body), mediaTypes: json, required: false }
        : undefined,
      unreadBody: io.body
        ? undefined
        : { description: "Not read; SuperOffice's client sends `null`.", mediaTypes: json },
      responses: {
        ...(io.response
          ? { 200: { description: 'OK', schema: io.response, output: io.output } }
          : { 204: { description: 'Done.' } }),
        ...commonErrors,
      },
    }
  }
  return byId as { [M in keyof T & string as `TicketAgent_${M}`]: AgentOperation<M, T[M]> }
}

const ticketEntityId = Type.Object({
  ticketEntityId: Type.Integer({ description: 'The TicketId of the ticket' }),
  $select: Type.Optional(SelectQuery),
})

export const agentOps = agentOperations({
  CreateDefaultTicketEntity: {
    summary: 'A new TicketEntity with default values',
    response: TicketEntity,
  },
  SaveTicketEntity: {
    summary: 'Updates the existing TicketEntity or creates a new one',
    body: TicketEntity,
    response: TicketEntity,
  },
  SaveTicketEntityWithNotify: {
    summary: 'Saves a ticket and performs any user notifications',
    body: SaveTicketEntityWithNotifyRequest,
    response: TicketEntity,
  },
  GetTicketEntity: {
    summary: 'Gets a TicketEntity; `null` when missing',
    query: ticketEntityId,
    response: orNull(TicketEntity),
    output: orNull(selectable(TicketEntity, TicketEntitySelection)),
  },
  GetTicket: {
    summary: 'Gets the flat Ticket carrier; `null` when missing',
    query: Type.Object({ ticketId: Type.Integer({ description: 'The TicketId of the ticket' }) }),
    response: orNull(Ticket),
  },
  GetTickets: {
    summary: 'Gets the flat Ticket carriers of the ids that exist',
    body: GetTicketsRequest,
    response: Type.Array(Ticket),
  },
  DeleteTicketEntity: { summary: 'Deletes the ticket', body: DeleteTicketEntityRequest },
  NotifyNewTicket: {
    summary: 'Notify user agents about the creation of a new ticket',
    body: NotifyNewTicketRequest,
  },
  SaveTicketMessageEntity: {
    summary: 'Updates the existing TicketMessageEntity or creates a new one',
    body: TicketMessageEntity,
    response: TicketMessageEntity,
  },
  SaveTicketMessageEntityWithNotify: {
    summary: 'Saves a ticket message and notifies the ticket owner',
    body: SaveTicketMessageEntityWithNotifyRequest,
    response: TicketMessageEntity,
  },
  GetTicketMessageEntity: {
    summary: 'Gets a TicketMessageEntity; `null` when missing',
    query: Type.Object({
      ticketMessageEntityId: Type.Integer({ description: 'The TicketMessageId of the message' }),
    }),
    response: orNull(TicketMessageEntity),
  },
  SetTicketReadByOwner: {
    summary: "Sets the owner's read status of a ticket",
    body: SetTicketReadByOwnerRequest,
  },
})
