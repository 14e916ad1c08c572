import type { TicketEntity } from '@ticket/schema'

/**
 * A committed (or about to be committed) change to one ticket, as the save path hands it to the
 * modules: notifications derive recipients from it, webhooks derive their payload.
 */
export interface TicketChange {
  kind: 'created' | 'changed' | 'deleted'
  ticketId: number
  /** The ticket as a read returned it before the change; null when created. */
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
  /** Database column names of the fields that changed (`title`, `owned_by_id`, …). */
  changedColumns: string[]
}
