import { TicketMessageEntity } from '@ticket/schema'
import type { Caller } from '../auth/caller.ts'
import { tablesOf } from '../db/tables-of.ts'
import type { ServiceDeps } from '../modules/service-module.ts'
import { entityFieldProperties, ticketTableRight } from '../tickets/rights.ts'
import { saveWithRights } from '../tickets/save-with-rights.ts'
import { findTicketRow } from '../tickets/ticket-rows.ts'
import { loadAttachment } from './attachments.ts'
import { assembleMessage, findMessageRow, loadAttachmentList, messagePage } from './message-rows.ts'
import { type SaveMessageRequest, saveMessage } from './save-message.ts'

/** A message with what depends on the caller: TableRight first, then FieldProperties. */
function withRights(message: TicketMessageEntity, caller: Caller): TicketMessageEntity {
  return {
    TableRight: ticketTableRight(caller),
    ...message,
    FieldProperties: entityFieldProperties(TicketMessageEntity, caller, 'TicketMessageId', [
      'TicketId',
    ]),
  }
}

/**
 * Every message operation, shared by the REST and agent routes. A message of a deleted ticket
 * reads as missing, like its ticket.
 */
export function createMessageService(deps: ServiceDeps) {
  const { store } = deps
  const tables = tablesOf(store.db)
  return {
    async save(caller: Caller, request: SaveMessageRequest): Promise<TicketMessageEntity> {
      return saveWithRights(
        (stamped: SaveMessageRequest) => saveMessage(deps, caller, stamped),
        request,
        (saved) => withRights(saved, caller)
      )
    },
    async read(caller: Caller, id: number): Promise<TicketMessageEntity | undefined> {
      const row = await findMessageRow(store.reader, tables, id)
      if (!row || !(await findTicketRow(store.reader, tables, row.ticketId))) {
        return undefined
      }
      const reader = deps.catalog.readerFor(store.reader)
      return withRights(await assembleMessage(store.reader, tables, reader, row), caller)
    },
    /** A page of a live ticket's messages, oldest first; undefined when the ticket is missing. */
    async list(
      caller: Caller,
      ticketId: number,
      page: { top: number; skip: number }
    ): Promise<TicketMessageEntity[] | undefined> {
      if (!(await findTicketRow(store.reader, tables, ticketId))) {
        return undefined
      }
      const rows = await messagePage(store.reader, tables, ticketId, page)
      const reader = deps.catalog.readerFor(store.reader)
      const attachments = await loadAttachmentList(
        store.reader,
        tables,
        rows.map((r) => r.ticketMessageId)
      )
      return Promise.all(
        rows.map(async (row) =>
          withRights(await assembleMessage(store.reader, tables, reader, row, attachments), caller)
        )
      )
    },
    async attachment(messageId: number, attachmentId: number) {
      const row = await findMessageRow(store.reader, tables, messageId)
      if (!row || !(await findTicketRow(store.reader, tables, row.ticketId))) {
        return undefined
      }
      return loadAttachment(store.reader, tables, messageId, attachmentId)
    },
  }
}

export type MessageService = ReturnType<typeof createMessageService>
