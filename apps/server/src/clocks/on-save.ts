import type { TicketEntity } from '@ticket/schema'
import type { RulesOf } from './priority-rules.ts'
import { addStatusTime, minutesBetween, type TimeCounters } from './ticket-clocks.ts'

export interface ClockedTicket {
  entity: TicketEntity
  /** When it entered its current status (null on tickets stored before this was kept). */
  statusChangedAt: string | null
}

const counterProperties = {
  timeSpentInternally: 'TimeSpentInternally',
  timeSpentExternally: 'TimeSpentExternally',
  timeSpentQueue: 'TimeSpentQueue',
  realTimeSpentInternally: 'RealTimeSpentInternally',
  realTimeSpentExternally: 'RealTimeSpentExternally',
  realTimeSpentQueue: 'RealTimeSpentQueue',
} as const satisfies Record<keyof TimeCounters, keyof TicketEntity>

/**
 * On a ticket save: when the status changes, the time spent in the status it leaves is added to
 * that status's counter (in the office hours of the priority it had); when it closes,
 * `TimeToClose` and `RealTimeToClose` are the minutes since creation. `next` is the ticket being
 * saved (entity properties plus the storage-only `StatusChangedAt`).
 */
export async function clocksOnSave(
  rulesOf: RulesOf,
  previous: ClockedTicket | undefined,
  next: Record<string, unknown>,
  at: string
): Promise<void> {
  if (!previous) {
    next.StatusChangedAt = at
    return
  }
  const before = previous.entity
  const statusChanged =
    (before.Status?.TicketStatusId ?? 0) !==
      ((next.Status as TicketEntity['Status'])?.TicketStatusId ?? 0) ||
    before.BaseStatus !== next.BaseStatus
  if (statusChanged) {
    const rules = await rulesOf(before.Priority?.TicketPriorityId)
    const current = Object.fromEntries(
      Object.entries(counterProperties).map(([key, property]) => [key, Number(next[property] ?? 0)])
    ) as unknown as TimeCounters
    const since = previous.statusChangedAt ?? before.CreatedAt ?? at
    const counters = addStatusTime(
      current,
      before.Status?.TimeCounter ?? 'None',
      since,
      at,
      rules.calendar
    )
    for (const [key, property] of Object.entries(counterProperties)) {
      next[property] = counters[key as keyof TimeCounters]
    }
    next.StatusChangedAt = at
  }
  if (next.BaseStatus === 'Closed' && before.BaseStatus !== 'Closed' && before.CreatedAt) {
    const priority = next.Priority as TicketEntity['Priority']
    const rules = await rulesOf(priority?.TicketPriorityId)
    const minutes = minutesBetween(before.CreatedAt, at, rules.calendar)
    next.TimeToClose = minutes.office
    next.RealTimeToClose = minutes.real
  }
}
