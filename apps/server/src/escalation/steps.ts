import type { EscalationLevel } from '@ticket/schema'
import { addOfficeTime } from '../clocks/office-time.ts'
import type { PriorityRules } from '../clocks/priority-rules.ts'

const MINUTE = 60_000

/** The step after `alertLevel`, if the chain has one. */
export const nextStep = (levels: readonly EscalationLevel[], alertLevel: number) =>
  levels.find((step) => step.Level > alertLevel)

/**
 * When an active ticket reaches its next escalation step: the step's office minutes after its
 * creation. Null when it is not active or the chain is done.
 * @example alertTimeoutOf(rules, 0, 'Active', '2026-01-16T14:00:00Z') // '2026-01-19T08:00:00.000Z'
 */
export function alertTimeoutOf(
  rules: PriorityRules,
  alertLevel: number,
  baseStatus: string,
  createdAt: string | null
): string | null {
  const step = nextStep(rules.levels, alertLevel)
  if (baseStatus !== 'Active' || !step || !createdAt) {
    return null
  }
  const due = addOfficeTime(Date.parse(createdAt), step.Minutes * MINUTE, rules.calendar)
  return due === undefined ? null : new Date(due).toISOString()
}

/** `from` plus the priority's deadline minutes of office time; null when it sets none. */
export function deadlineAfter(rules: PriorityRules, from: string): string | null {
  if (rules.deadlineMinutes <= 0) {
    return null
  }
  const due = addOfficeTime(Date.parse(from), rules.deadlineMinutes * MINUTE, rules.calendar)
  return due === undefined ? null : new Date(due).toISOString()
}
