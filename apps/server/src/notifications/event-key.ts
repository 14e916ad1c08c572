import { hash } from 'node:crypto'
import type { DeliveryChannel } from '@ticket/schema'
import type { TicketChange } from '../tickets/ticket-change.ts'

/**
 * The identity of one change: the ticket's revision (bumped on every committed change) and the
 * change time. Planning the same change twice gives the same key; two changes never share one,
 * even within one millisecond. A forced `NotifyNewTicket` does not bump the revision, so it is
 * keyed apart.
 * @example eventKeyOf(change) // 'ticket:12:rev:3@2024-05-01T10:00:00.000Z'
 */
export function eventKeyOf(change: TicketChange): string {
  const rev = `:rev:${change.revision}`
  const forced = change.notifyNewTicket && change.kind !== 'created' ? ':new' : ''
  return `ticket:${change.ticketId}${rev}${forced}@${change.at}`
}

/** `<eventKey>:<channel>:<recipient>`: one delivery per change, channel and recipient. */
export function dedupeKeyOf(eventKey: string, channel: DeliveryChannel, recipient: string): string {
  return `${eventKey}:${channel}:${recipient}`
}

/**
 * The email's Message-ID, derived from the delivery's identity so every retry carries the same
 * one and receivers can drop a duplicate.
 * @example messageIdOf(12, 'ticket:12:rev:1@…:email:a:7') // '<ticket-12-3f9a…@ticket.local>'
 */
export function messageIdOf(ticketId: number, dedupeKey: string): string {
  // The one-shot digest: a Hash object per delivery costs several times as much.
  const digest = hash('sha256', dedupeKey, 'hex').slice(0, 24)
  return `<ticket-${ticketId}-${digest}@ticket.local>`
}
