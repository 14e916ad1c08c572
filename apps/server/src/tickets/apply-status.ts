import type { BaseStatus, TicketEntity, TicketStatusEntity } from '@ticket/schema'
import type { FieldError } from '../http/api-error.ts'
import { normalizeBaseStatus } from './postpone.ts'
import type { ReferenceReader } from './reference-reader.ts'

/**
 * Keeps BaseStatus and Status consistent (see docs/decisions.md), and maintains ClosedAt and Activate.
 */
export async function applyStatus(
  input: Partial<TicketEntity>,
  previous: TicketEntity | null,
  next: Record<string, unknown>,
  reader: ReferenceReader,
  at: Date,
  errors: FieldError[]
): Promise<void> {
  const status = next.Status as TicketStatusEntity | null
  const statusSent = 'Status' in input && status !== null
  if (statusSent) {
    next.BaseStatus = status.Status
  } else if (input.BaseStatus !== undefined) {
    const { baseStatus, activate } = normalizeBaseStatus(input.BaseStatus, at)
    next.BaseStatus = baseStatus
    if (activate) {
      next.Activate = activate
    }
    if (status?.Status !== baseStatus) {
      const statusId = await reader.defaultStatusFor(baseStatus)
      next.Status = statusId ? ((await reader.status(statusId)) ?? null) : null
    }
  } else if (status) {
    next.BaseStatus = status.Status
  }
  const base = next.BaseStatus as BaseStatus
  if (base === 'Postponed' && !next.Activate) {
    errors.push({
      path: '/Activate',
      message: 'A postponed ticket needs Activate (when it becomes active again).',
      code: 'required',
    })
  }
  // Activate is writable: what the client sent is kept; unsent, it only means something while
  // the ticket is postponed.
  if (base !== 'Postponed' && !('Activate' in input)) {
    next.Activate = null
  }
  const wasClosed = previous?.BaseStatus === 'Closed'
  if (base === 'Closed') {
    next.ClosedAt = wasClosed ? previous.ClosedAt : at.toISOString()
  } else {
    next.ClosedAt = null
  }
}
