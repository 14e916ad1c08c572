import type { TicketEntity, TicketEntityWithLinks } from '@ticket/schema'
import type { Context } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import { type AnswerCache, createAnswerCache, type KeptAnswer } from '../http/answer-cache.ts'
import { negotiateFor, type Representation, representationKeyOf } from '../http/send-entity.ts'
import { onePerApp } from '../one-per-app.ts'
import { applySelect, withLinks } from '../tickets/present-ticket.ts'
import { rightsKeyOf } from '../tickets/rights.ts'

export const baseUrlOf = (c: Context) => new URL(c.req.url).origin

/** A ticket answer and the `Last-Modified` that goes with it. */
export interface TicketAnswer {
  answer: KeptAnswer
  lastModified: string
}

/**
 * How a route presents a ticket: REST's `GetTicketEntity` adds `_Links` (so the origin is part
 * of the answer) and an ETag of the revision; the agent's answers the entity alone.
 */
export type TicketShape =
  | { links: true; render: (body: TicketEntityWithLinks, version: number) => Representation }
  | { links: false; render: (body: TicketEntity) => Representation }

// The last date formatted: a busy ticket is read many times between two changes.
let lastFormatted = { lastChanged: '', text: '' }

function lastModifiedOf(lastChanged: string | null): string {
  if (lastChanged === null) {
    return new Date().toUTCString()
  }
  if (lastFormatted.lastChanged !== lastChanged) {
    lastFormatted = { lastChanged, text: new Date(lastChanged).toUTCString() }
  }
  return lastFormatted.text
}

export interface TicketAnswers {
  cache: AnswerCache
  /** The answer for ticket `id` as this request wants it; undefined when it does not exist. */
  read(
    c: Context<AppEnv>,
    id: number,
    select: string | undefined,
    shape: TicketShape
  ): Promise<TicketAnswer | undefined>
}

/**
 * Ticket answers (`GET /Ticket/{id}`, the agent's `GetTicketEntity`), serialised once and kept
 * (with their ETag) until the ticket, the reference data or the request's representation
 * differ. Every read first asks the ticket's revision (tickets/ticket-versions.ts: on PostgreSQL
 * one indexed read, prepared once; on SQLite read again only after a transaction ended): each
 * committed change to a ticket, in any process, bumps it, so an answer kept for an older
 * revision is never given again, and a write in another process sharing a PostgreSQL database
 * is seen at once, with no message to wait for. Carriers come from the
 * reference catalog, so its version is part of the key: a tenant import (announced on the
 * change feed) starts new answers.
 */
function createTicketAnswers(deps: AppDeps): TicketAnswers {
  const cache = createAnswerCache(deps.env.TICKET_ANSWER_CACHE_BYTES)
  const { tickets, catalog } = deps
  return {
    cache,
    async read(c, id, select, shape) {
      const current = await tickets.version(id)
      if (!current) {
        return undefined
      }
      const caller = c.get('caller')
      const origin = shape.links ? baseUrlOf(c) : ''
      const representation = representationKeyOf(c, negotiateFor(c))
      const keyOf = (revision: number, catalogVersion: number) =>
        JSON.stringify([
          id,
          revision,
          catalogVersion,
          rightsKeyOf(caller),
          representation,
          shape.links ? `links ${origin}` : 'entity',
          select ?? '',
        ])
      const kept = cache.get(keyOf(current.revision, catalog.version))
      if (kept) {
        return { answer: kept, lastModified: lastModifiedOf(current.lastChanged) }
      }
      // Taken before the read: an invalidation during it leaves the answer under the old
      // version, where no later read looks.
      const catalogVersion = catalog.version
      const found = await tickets.readVersioned(caller, id)
      if (!found) {
        return undefined
      }
      const { entity, revision } = found
      const rendered = shape.links
        ? shape.render(applySelect(withLinks(entity, origin), select), revision)
        : shape.render(applySelect(entity, select))
      return {
        // Kept under the revision it was read at, which a write may have moved past the check.
        answer: cache.keep(keyOf(revision, catalogVersion), rendered),
        lastModified: lastModifiedOf(entity.LastChanged),
      }
    },
  }
}

// The REST and agent routes share the answers and the budget.
export const ticketAnswersOf: (deps: AppDeps) => TicketAnswers = onePerApp(createTicketAnswers)
