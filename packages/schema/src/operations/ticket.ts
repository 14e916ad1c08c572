import { Type } from '@sinclair/typebox'
import { TicketArchiveList, TicketArchiveQuery } from '../archive/ticket-archive.ts'
import { TicketEntityInput } from '../input/ticket-entity-input.ts'
import { TicketEntityMergePatch } from '../input/ticket-entity-merge-patch.ts'
import { Ticket, TicketCustomFieldInfo, TicketEntity, TicketEntityWithLinks } from '../model.ts'
import {
  commonErrors,
  conflict,
  ignoredPropertiesHeader,
  LanguageHeaders,
  NotifyQuery,
  notFound,
  preconditionFailed,
  problem,
  SelectQuery,
  TicketIdParam,
} from './common.ts'
import { defineOperations } from './define.ts'
import { entityRequestTypes, patchRequestTypes } from './media-types.ts'
import { JsonPatch } from './patch-bodies.ts'
import { selectable, TicketEntityWithLinksSelection } from './selection.ts'

const tags = ['Ticket']
const entityBody = {
  schema: TicketEntity,
  input: TicketEntityInput,
  mediaTypes: entityRequestTypes,
  required: true as const,
  description: 'The ticket to save',
}
const patchAlternatives = [
  { schema: JsonPatch, mediaTypes: ['application/json-patch+json'] },
  { schema: TicketEntityMergePatch, mediaTypes: ['application/merge-patch+json'] },
]
const etag = { description: 'The ticket revision, strong and quoted.', schema: Type.String() }

/** The REST Ticket resource (see docs/decisions.md). */
export const ticketOps = defineOperations({
  GetTicketArchive: {
    method: 'get',
    path: '/api/v1/Ticket',
    summary: 'OData list of tickets, served by the "Ticket" archive',
    description:
      'Select, filter, sort and page live tickets. Paging past the first page follows `odata.nextLink`, which continues after the last row seen (keyset), so rows inserted meanwhile neither repeat nor shift the page. Sub-fields are written `category/name` in `$select` and come back as `category___name`.',
    tags,
    query: TicketArchiveQuery,
    headers: LanguageHeaders,
    responses: {
      200: { description: 'A page of rows.', schema: TicketArchiveList },
      ...commonErrors,
    },
  },
  SaveTicketEntityWithNotify: {
    method: 'post',
    path: '/api/v1/Ticket',
    summary: 'Saves a ticket and performs any user notifications',
    description:
      'TicketId 0 or absent creates; an existing id updates in place; an unknown id is 404. A JSON Patch or Merge Patch body applies to the default entity, then saves.',
    tags,
    query: Type.Object({ notify: Type.Optional(NotifyQuery) }),
    headers: LanguageHeaders,
    body: { ...entityBody, alternatives: patchAlternatives },
    responses: {
      200: {
        description: 'The saved ticket, as a fresh read returns it.',
        schema: TicketEntity,
        headers: ignoredPropertiesHeader,
      },
      ...commonErrors,
      404: notFound,
    },
  },
  DefaultTicketEntity: {
    method: 'get',
    path: '/api/v1/Ticket/default',
    summary: 'A new TicketEntity filled with default values',
    tags,
    headers: LanguageHeaders,
    responses: {
      200: { description: 'The default entity.', schema: TicketEntity },
      ...commonErrors,
    },
  },
  GetTicketEntity: {
    method: 'get',
    path: '/api/v1/Ticket/{id}',
    summary: 'Gets a TicketEntity',
    tags,
    params: TicketIdParam,
    query: Type.Object({ $select: Type.Optional(SelectQuery) }),
    headers: LanguageHeaders,
    responses: {
      200: {
        description: 'The ticket.',
        schema: TicketEntityWithLinks,
        output: selectable(TicketEntityWithLinks, TicketEntityWithLinksSelection),
        headers: { ETag: etag },
      },
      304: {
        description: 'Not modified: `If-None-Match` names the ETag of this representation.',
        headers: { ETag: etag },
      },
      ...commonErrors,
      404: notFound,
    },
  },
  GetCustomFieldInfoList: {
    method: 'get',
    path: '/api/v1/Ticket/CustomField',
    summary: 'The metadata of every ticket custom field',
    description:
      'Declared in the tenant file (`CustomFields`), ordered by Rank. Saves check `CustomFields` values against these types.',
    tags,
    headers: LanguageHeaders,
    responses: {
      200: { description: 'The custom fields.', schema: Type.Array(TicketCustomFieldInfo) },
      ...commonErrors,
    },
  },
  GetCustomFieldInfo: {
    method: 'get',
    path: '/api/v1/Ticket/CustomField/{fieldName}',
    summary: 'The metadata of one ticket custom field',
    tags,
    params: Type.Object({
      fieldName: Type.String({
        description: 'The FieldName (matched case-insensitively)',
        maxLength: 100,
      }),
    }),
    headers: LanguageHeaders,
    responses: {
      200: { description: 'The custom field.', schema: TicketCustomFieldInfo },
      ...commonErrors,
      404: problem('There is no custom field with that name.'),
    },
  },
  MergeTickets: {
    method: 'post',
    path: '/api/v1/Ticket/Merge',
    summary: 'Merges one or more tickets into a primary ticket',
    description:
      "The body's TicketId (or `mergedTicketEntity.TicketId`) is the primary. In one transaction: the secondaries' messages, tags, persons and secondary persons move to the primary; each secondary becomes Merged with ConnectId pointing to the primary (still readable); history records every change and webhooks fire for each ticket. Returns the primary.",
    tags,
    query: Type.Object({
      secondaryTicketIds: Type.String({
        description:
          'The tickets to merge into the primary: comma-separated ids (or the parameter repeated).',
      }),
      'mergedTicketEntity.TicketId': Type.Optional(
        Type.Integer({ minimum: 1, description: 'The primary ticket, when no body names it.' })
      ),
    }),
    headers: LanguageHeaders,
    body: {
      ...entityBody,
      required: false as const,
      description: 'The primary ticket (its TicketId).',
    },
    responses: {
      200: { description: 'The primary ticket after the merge.', schema: TicketEntity },
      ...commonErrors,
      404: notFound,
    },
  },
  GetTicketSimple: {
    method: 'get',
    path: '/api/v1/Ticket/{id}/Simple',
    summary: 'Gets the flat Ticket carrier',
    description:
      'Integer ids plus display names; an unassigned owner (or an externally created ticket) is the system user 1.',
    tags,
    params: TicketIdParam,
    headers: LanguageHeaders,
    responses: {
      200: { description: 'The flat ticket.', schema: Ticket },
      ...commonErrors,
      404: notFound,
    },
  },
  PutTicketEntity: {
    method: 'put',
    path: '/api/v1/Ticket/{id}',
    summary: 'Saves a ticket with that id and performs any user notifications',
    tags,
    params: TicketIdParam,
    query: Type.Object({ notify: Type.Optional(NotifyQuery) }),
    headers: LanguageHeaders,
    body: entityBody,
    responses: {
      200: {
        description: 'The saved ticket.',
        schema: TicketEntity,
        headers: ignoredPropertiesHeader,
      },
      ...commonErrors,
      404: notFound,
      412: preconditionFailed,
    },
  },
  PatchTicketEntity: {
    method: 'patch',
    path: '/api/v1/Ticket/{id}',
    summary: 'Updates a ticket with JSON Patch or JSON Merge Patch',
    tags,
    params: TicketIdParam,
    query: Type.Object({ $select: Type.Optional(SelectQuery) }),
    headers: LanguageHeaders,
    body: {
      schema: JsonPatch,
      // An object sent as JSON is applied as a Merge Patch.
      input: Type.Union([JsonPatch, TicketEntityMergePatch]),
      mediaTypes: ['application/json-patch+json', 'application/json'],
      required: true,
      alternatives: [{ schema: TicketEntityMergePatch, mediaTypes: [patchRequestTypes[1] ?? ''] }],
    },
    responses: {
      200: {
        description: 'The updated ticket.',
        schema: TicketEntityWithLinks,
        output: selectable(TicketEntityWithLinks, TicketEntityWithLinksSelection),
      },
      ...commonErrors,
      404: notFound,
      409: conflict,
      412: preconditionFailed,
    },
  },
  DeleteTicketEntity: {
    method: 'delete',
    path: '/api/v1/Ticket/{id}',
    summary: 'Deletes the ticket',
    tags,
    params: TicketIdParam,
    responses: { 204: { description: 'Deleted.' }, ...commonErrors, 404: notFound },
  },
  NotifyNewTicket: {
    method: 'post',
    path: '/api/v1/Ticket/{id}/NotifyNewTicket',
    summary: 'Notify user agents about the creation of a new ticket',
    tags,
    params: TicketIdParam,
    responses: { 204: { description: 'Notifications queued.' }, ...commonErrors, 404: notFound },
  },
})
