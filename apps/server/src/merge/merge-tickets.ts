import type { Person, Tag, TicketEntity } from '@ticket/schema'
import { eq, inArray } from 'drizzle-orm'
import type { Caller } from '../auth/caller.ts'
import type { Db, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { ApiError } from '../http/api-error.ts'
import { messageRowsOf } from '../messages/message-rows.ts'
import { summarize } from '../messages/ticket-summary.ts'
import type { ServiceDeps } from '../modules/service-module.ts'
import { loadTicket } from '../tickets/load-ticket.ts'
import { withRights } from '../tickets/present-ticket.ts'
import { saveTicketInTransaction } from '../tickets/save-ticket.ts'
import type { TicketChange } from '../tickets/ticket-change.ts'

const uniqueBy = <T>(items: T[], key: (item: T) => number) => {
  const seen = new Set<number>()
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)))
}

/** A ticket's message counters after messages moved in or out. */
async function recount(tx: Db, tables: Tables, ticketId: number) {
  const { numMessages, numReplies, hasAttachment, repliedAt, timeSpent } = summarize(
    await messageRowsOf(tx, tables, ticketId)
  )
  await tx
    .update(tables.tickets)
    .set({ numMessages, numReplies, hasAttachment, repliedAt, timeSpent })
    .where(eq(tables.tickets.ticketId, ticketId))
}

/**
 * Merges secondary tickets into a primary, in one transaction: their messages, tags, persons
 * and secondary persons move to the primary; each secondary ends Merged, readable, with
 * ConnectId pointing to the primary. Every ticket goes through the one save path, so history
 * records it and webhooks fire once the whole merge has committed.
 */
export async function mergeTickets(
  deps: ServiceDeps,
  caller: Caller,
  primaryId: number,
  secondaryIds: number[]
): Promise<TicketEntity> {
  if (secondaryIds.includes(primaryId)) {
    throw new ApiError('VALIDATION', 'A ticket cannot be merged into itself.', {
      errors: [
        {
          path: '/query/secondaryTicketIds',
          message: `${primaryId} is the primary ticket`,
          code: 'invalid',
        },
      ],
    })
  }
  const tables = tablesOf(deps.store.db)
  const changes = await deps.store.transaction(async (tx) => {
    const reader = deps.catalog.readerFor(tx)
    const primary = await loadTicket(tx, tables, reader, primaryId)
    if (!primary) {
      throw new ApiError('NOT_FOUND', `Ticket ${primaryId} does not exist.`)
    }
    const secondaries = []
    for (const id of secondaryIds) {
      const loaded = await loadTicket(tx, tables, reader, id)
      if (!loaded) {
        throw new ApiError('NOT_FOUND', `Ticket ${id} does not exist.`)
      }
      secondaries.push(loaded.entity)
    }
    await tx
      .update(tables.ticketMessages)
      .set({ ticketId: primaryId })
      .where(inArray(tables.ticketMessages.ticketId, secondaryIds))
    for (const id of [primaryId, ...secondaryIds]) {
      await recount(tx, tables, id)
    }
    const out: TicketChange[] = []
    for (const id of secondaryIds) {
      const merged = { BaseStatus: 'Merged', ConnectId: primaryId } as const
      out.push(
        await saveTicketInTransaction(deps, tx, caller, { input: merged, id, notify: false })
      )
    }
    const own = primary.entity
    const tags = uniqueBy<Tag>([...own.Tags, ...secondaries.flatMap((s) => s.Tags)], (t) => t.Id)
    const persons = uniqueBy<Person>(
      [
        ...own.SecondaryPersons,
        ...secondaries.flatMap((s) => [...(s.Person ? [s.Person] : []), ...s.SecondaryPersons]),
      ].filter((p) => p.PersonId !== own.Person?.PersonId),
      (p) => p.PersonId
    )
    out.push(
      await saveTicketInTransaction(deps, tx, caller, {
        input: {
          Tags: tags.map((t) => ({ Id: t.Id }) as Tag),
          SecondaryPersons: persons.map((p) => ({ PersonId: p.PersonId }) as Person),
        },
        id: primaryId,
        notify: false,
      })
    )
    return out
  })
  for (const change of changes) {
    for (const module of deps.modules) {
      module.afterCommit?.(change)
    }
  }
  const primary = changes.at(-1)?.after
  if (!primary) {
    throw new Error('a merge always saves the primary')
  }
  return withRights(primary, caller)
}
