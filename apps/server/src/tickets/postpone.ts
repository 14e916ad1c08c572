import type { BaseStatus } from '@ticket/schema'

const hour = 3600_000
// The UI-only postpone shortcuts SuperOffice converts to Postponed on save (see docs/decisions.md).
const offsets: Partial<Record<BaseStatus, (at: Date) => Date>> = {
  Postponed1Hour: (at) => new Date(at.getTime() + hour),
  Postponed2Hours: (at) => new Date(at.getTime() + 2 * hour),
  Postponed3Hours: (at) => new Date(at.getTime() + 3 * hour),
  Postponed4Hours: (at) => new Date(at.getTime() + 4 * hour),
  PostponedDay: (at) => new Date(at.getTime() + 24 * hour),
  PostponedWeek: (at) => new Date(at.getTime() + 7 * 24 * hour),
  PostponedMonth: (at) => {
    const next = new Date(at)
    next.setUTCMonth(next.getUTCMonth() + 1)
    return next
  },
}

/**
 * A base status as stored: the postpone shortcuts become Postponed with the activation time
 * they imply; PostponedSpecific keeps the Activate the client sent.
 */
export function normalizeBaseStatus(
  status: BaseStatus,
  at: Date
): { baseStatus: BaseStatus; activate?: string } {
  const offset = offsets[status]
  if (offset) {
    return { baseStatus: 'Postponed', activate: offset(at).toISOString() }
  }
  return { baseStatus: status === 'PostponedSpecific' ? 'Postponed' : status }
}
