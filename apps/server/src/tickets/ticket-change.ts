import type { TicketEntity, TicketMessageEntity } from '@ticket/schema'
import type { Caller } from '../auth/caller.ts'

/**
 * A committed (or about to be committed) change to one ticket, as the save path hands it to the
 * modules: notifications derive recipients from it, webhooks derive their payload.
 */
export interface TicketChange {
  kind: 'created' | 'changed' | 'deleted'
  ticketId: number
  /**
   * The ticket as a read returned it before the change; null when created. A change that adds or
   * edits one message (`message` set) lists no `Messages` here or in `after`: it is about that
   * message, and no module reads the list (the history skips it).
   */
  before: TicketEntity | null
  /** The ticket as a read returns it after the change; for a delete, the last state. */
  after: TicketEntity
  /** The associate who made the change. */
  actorId: number
  /** `notify=true`: user notifications are wanted (webhooks fire regardless). */
  notify: boolean
  /** A forced new-ticket notification (`NotifyNewTicket`), whatever changed. */
  notifyNewTicket?: boolean
  /** ISO 8601 UTC time of the change, shared by every row the change writes. */
  at: string
  /** The ticket's revision after the change (a forced notification leaves it as it was). */
  revision: number
  /** Database column names of the fields that changed (`title`, `owned_by_id`, …). */
  changedColumns: string[]
  /**
   * Set when the change adds or edits a message. A new one tells the owner (`NewMessage`) and
   * webhooks (`ticketmessage.created`).
   */
  message?: MessageChange
  /** Set when escalation raised the ticket's alert level: the owner hears `TicketEscalated`. */
  escalatedTo?: number
  /**
   * What made the change, for the history: the HTTP route (`POST /api/v1/Ticket`) or a background
   * task (`escalation`). Unset, it is `internal`.
   */
  route?: string
}

/** Who made a change and through which route, as a change (or a change request) records it. */
export function actedBy(caller: Caller): Pick<TicketChange, 'actorId' | 'route'> {
  return caller.route === undefined
    ? { actorId: caller.associateId }
    : { actorId: caller.associateId, route: caller.route }
}

/** A message a change added (`before` null) or edited. */
export interface MessageChange {
  before: TicketMessageEntity | null
  after: TicketMessageEntity
  /** The associate who wrote it; null when a customer (Person) wrote it. */
  authorAssociateId: number | null
}
