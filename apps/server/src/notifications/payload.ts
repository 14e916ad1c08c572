import type { Env } from '../env.ts'
import type { TicketChange } from '../tickets/ticket-change.ts'

/**
 * What a message about one change needs, frozen at commit into the outbox row, so a retry days
 * later renders the same text even if the ticket has changed since.
 */
export interface DeliveryPayload {
  ticketId: number
  title: string
  categoryName: string
  priorityName: string
  ownerName: string
  actorName: string
  link: string
}

/** Base of links in notifications: `TICKET_PUBLIC_URL`, else where the server listens. */
export function publicBaseUrl(env: Env): string {
  const base = env.TICKET_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`
  return base.replace(/\/+$/, '')
}

export function snapshotPayload(
  change: TicketChange,
  actorName: string,
  baseUrl: string
): DeliveryPayload {
  const ticket = change.after
  return {
    ticketId: change.ticketId,
    title: ticket.Title,
    categoryName: ticket.Category?.Name ?? '',
    priorityName: ticket.Priority?.Name ?? '',
    ownerName: ticket.OwnedBy?.FullName || ticket.OwnedBy?.Name || '',
    actorName,
    link: `${baseUrl}/api/v1/Ticket/${change.ticketId}`,
  }
}

/** Reads a payload back from its JSON column, tolerating rows written by older versions. */
export function readPayload(json: unknown): DeliveryPayload {
  const value = (json !== null && typeof json === 'object' ? json : {}) as Record<string, unknown>
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : '')
  return {
    ticketId: typeof value.ticketId === 'number' ? value.ticketId : 0,
    title: text('title'),
    categoryName: text('categoryName'),
    priorityName: text('priorityName'),
    ownerName: text('ownerName'),
    actorName: text('actorName'),
    link: text('link'),
  }
}
