import type { TicketEntity } from '@ticket/schema'
import { definedKeys } from '../db/statement-shape.ts'
import type { Db, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { ApiError } from '../http/api-error.ts'
import type { ServiceDeps } from '../modules/service-module.ts'
import { changedColumns } from './changed-columns.ts'
import { composeTicket, type LoadedTicket, loadTicketForUpdate } from './load-ticket.ts'
import type { ReferenceReader } from './reference-reader.ts'
import type { MessageChange, TicketChange } from './ticket-change.ts'
import type { TicketRow } from './ticket-rows.ts'
import { updateTicket } from './write-ticket-row.ts'

export type TicketValues = Partial<Tables['tickets']['$inferInsert']>

/** What one update decided: the ticket columns to set, and what the modules should know. */
export interface TicketUpdate<T> {
  values: TicketValues
  message?: MessageChange
  escalatedTo?: number
  result: T
}

export interface TicketUpdateRequest<T> {
  ticketId: number
  actorId: number
  notify: boolean
  /** For the history: the request's route, or the background task that made the change. */
  route?: string
  /**
   * Runs first inside the transaction; false means another process got there first and nothing
   * is written (escalation claims its step with a conditional update here).
   */
  claim?(tx: Db): Promise<boolean>
  /** Reads the ticket as it is now and decides the update; may write rows of its own. */
  apply(
    tx: Db,
    current: LoadedTicket,
    at: Date,
    reader: ReferenceReader
  ): Promise<TicketUpdate<T> | undefined>
  /** Runs last inside the transaction with `apply`'s result (an Idempotency-Key's answer). */
  beforeCommit?(tx: Db, result: T): Promise<void>
  /**
   * The update is about one message (`TicketUpdate.message`): the ticket's list of messages is
   * not read, and the change's `before` and `after` list none (see `TicketChange`).
   */
  aboutOneMessage?: boolean
  /** See `LoadOptions.underLock`: what to ask for with the ticket's read, under its lock. */
  underLock?: (tx: Db) => void
}

/**
 * A change to one ticket that is not a full save (a message, a read, an escalation step): sets
 * the columns `apply` decides, bumps the revision, and hands the change to the modules inside the
 * same transaction (history, outbox rows, webhook deliveries), then after commit. Undefined when
 * the claim was lost or `apply` decided there was nothing to do.
 */
export async function commitTicketUpdate<T>(
  deps: ServiceDeps,
  request: TicketUpdateRequest<T>
): Promise<{ ticket: TicketEntity; result: T } | undefined> {
  const outcome = await deps.store.transaction(async (tx) => {
    if (request.claim && !(await request.claim(tx))) {
      return undefined
    }
    const at = deps.now()
    const tables = tablesOf(deps.store.db)
    const reader = deps.catalog.readerFor(tx)
    const current = await loadTicketForUpdate(
      deps.store.dialect,
      tx,
      tables,
      reader,
      request.ticketId,
      { messages: !request.aboutOneMessage, underLock: request.underLock }
    )
    if (!current) {
      throw new ApiError('NOT_FOUND', `Ticket ${request.ticketId} does not exist.`)
    }
    const update = await request.apply(tx, current, at, reader)
    if (!update) {
      return undefined
    }
    const timestamp = at.toISOString()
    const values = { ...update.values, lastChanged: timestamp, revision: current.row.revision + 1 }
    await updateTicket(tx, request.ticketId, values)
    // The ticket after the update is the row read under the lock with what was written over it:
    // no column of a ticket changes on its own, so reading it again would only repeat this.
    const saved = writtenOver(current.row, values)
    const change: TicketChange = {
      kind: 'changed',
      ticketId: request.ticketId,
      before: current.entity,
      // Such an update changes no tag or person, and the messages are those read (none for an
      // update about one message).
      after: await composeTicket(reader, saved, {
        tags: current.entity.Tags,
        persons: current.entity.SecondaryPersons,
        messages: current.entity.Messages,
      }),
      actorId: request.actorId,
      notify: request.notify,
      at: timestamp,
      revision: values.revision,
      changedColumns: changedColumns(current.row, values),
      ...(update.message ? { message: update.message } : {}),
      ...(update.escalatedTo !== undefined ? { escalatedTo: update.escalatedTo } : {}),
      ...(request.route ? { route: request.route } : {}),
    }
    for (const module of deps.modules) {
      await module.inTransaction?.(tx, change, reader)
    }
    await request.beforeCommit?.(tx, update.result)
    return { change, result: update.result }
  })
  if (!outcome) {
    return undefined
  }
  for (const module of deps.modules) {
    module.afterCommit?.(outcome.change)
  }
  return { ticket: outcome.change.after, result: outcome.result }
}

/** `row` with every defined value of `values` written over it (undefined leaves a column as is). */
function writtenOver(row: TicketRow, values: TicketValues): TicketRow {
  const after: Record<string, unknown> = { ...row }
  // The columns `updateTicket` writes, by the same rule.
  for (const key of definedKeys(values)) {
    after[key] = values[key as keyof TicketValues]
  }
  return after as TicketRow
}
