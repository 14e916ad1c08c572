import type { TicketEntity, TicketEntityWithLinks } from '@ticket/schema'
import type { Caller } from '../auth/caller.ts'
import { framedCopier } from '../framed-copy.ts'
import { ticketFieldProperties, ticketTableRight } from './rights.ts'

const stampRights = framedCopier('TableRight', 'FieldProperties')

/** Adds what depends on the caller: TableRight first, as SuperOffice sends it, then FieldProperties. */
export function withRights(entity: TicketEntity, caller: Caller): TicketEntity {
  return stampRights(
    ticketTableRight(caller),
    entity as unknown as Record<string, unknown>,
    ticketFieldProperties(caller)
  ) as unknown as TicketEntity
}

/**
 * `$select`: properties not selected are `null` (see docs/decisions.md); names are case-insensitive and
 * `TicketId` always stays.
 */
export function applySelect<T extends Record<string, unknown>>(entity: T, select?: string): T {
  if (!select?.trim()) {
    return entity
  }
  const wanted = new Set(
    select.split(',').map((name) => name.trim().split('/')[0]?.toLowerCase() ?? '')
  )
  wanted.add('ticketid')
  wanted.add('_links')
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(entity)) {
    out[name] = wanted.has(name.toLowerCase()) ? value : null
  }
  return out as T
}

/** The REST single-entity shape: the entity plus `_Links {Self, Archive}`. */
export function withLinks(entity: TicketEntity, baseUrl: string): TicketEntityWithLinks {
  return {
    ...entity,
    _Links: {
      Self: `${baseUrl}/api/v1/Ticket/${entity.TicketId}`,
      Archive: `${baseUrl}/api/v1/Ticket`,
    },
  }
}
