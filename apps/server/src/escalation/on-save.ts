import type { TicketEntity } from '@ticket/schema'
import type { RulesOf } from '../clocks/priority-rules.ts'
import { alertTimeoutOf, deadlineAfter } from './steps.ts'

/**
 * On a ticket save: `AlertTimeout` is when the ticket reaches its next escalation step by its
 * (possibly new) priority; none unless it is active. A new ticket whose body carries no
 * `Deadline` gets its priority's: the priority's deadline minutes of office time after creation.
 * A `Deadline` the client wrote (null included) is kept; afterwards the priority moves it only
 * when a step fires.
 */
export async function escalationOnSave(
  rulesOf: RulesOf,
  isNew: boolean,
  input: Partial<TicketEntity>,
  next: Record<string, unknown>,
  at: string
): Promise<void> {
  const priority = next.Priority as TicketEntity['Priority']
  const rules = await rulesOf(priority?.TicketPriorityId)
  if (isNew && input.Deadline === undefined) {
    next.Deadline = deadlineAfter(rules, at)
  }
  next.AlertTimeout = alertTimeoutOf(
    rules,
    Number(next.AlertLevel ?? 0),
    String(next.BaseStatus),
    (next.CreatedAt as string | null) ?? at
  )
}
