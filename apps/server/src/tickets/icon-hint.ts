import type { TicketEntity } from '@ticket/schema'

/**
 * The icon a client shows for a ticket's state, most telling first: a finished ticket by its
 * base status, then escalation, then whether the owner has read it.
 * @example iconHintOf({ BaseStatus: 'Active', AlertLevel: 0, ReadStatus: 'Red' }) // 'ticket-unread'
 */
export function iconHintOf(
  ticket: Pick<TicketEntity, 'BaseStatus' | 'AlertLevel' | 'ReadStatus'>
): string {
  switch (ticket.BaseStatus) {
    case 'Closed':
      return 'ticket-closed'
    case 'Deleted':
      return 'ticket-deleted'
    case 'Merged':
      return 'ticket-merged'
    case 'Spam':
      return 'ticket-spam'
    case 'Active':
    case 'Unknown':
      break
    default:
      return 'ticket-postponed'
  }
  if (ticket.AlertLevel > 0) {
    return 'ticket-escalated'
  }
  if (ticket.ReadStatus === 'Red') {
    return 'ticket-unread'
  }
  return ticket.ReadStatus === 'Yellow' ? 'ticket-new-info' : 'ticket-read'
}
