import { and, eq } from 'drizzle-orm'
import { tablesOf } from '../db/tables-of.ts'
import type { ServiceDeps } from '../modules/service-module.ts'
import { newOwner } from '../read-status/read-rules.ts'
import { readFieldsOf } from '../read-status/set-read-by-owner.ts'
import { commitTicketUpdate, type TicketValues } from '../tickets/commit-update.ts'
import { alertTimeoutOf, deadlineAfter, nextStep } from './steps.ts'

/** The id escalation acts as: no associate (so the owner is never "the actor" of a step). */
export const ESCALATION_ACTOR = 0

/** A ticket the scheduler found due, as it read it. */
export interface DueTicket {
  ticketId: number
  alertLevel: number
  alertTimeout: string
}

/**
 * Fires the next escalation step of one due ticket, in one transaction: claims the step with a
 * conditional update (so of several processes exactly one wins), raises `AlertLevel`, reassigns
 * when the step says so, moves `Deadline` by the priority's minutes, schedules the next step and
 * tells the modules (history, `TicketEscalated`, webhooks). False when another process got it.
 */
export async function escalateTicket(deps: ServiceDeps, due: DueTicket): Promise<boolean> {
  const tables = tablesOf(deps.store.db)
  const t = tables.tickets
  let claimed = false
  await commitTicketUpdate(deps, {
    ticketId: due.ticketId,
    actorId: ESCALATION_ACTOR,
    notify: true,
    route: 'escalation',
    async claim(tx) {
      const won = await tx
        .update(t)
        .set({ alertTimeout: null })
        .where(
          and(
            eq(t.ticketId, due.ticketId),
            eq(t.alertLevel, due.alertLevel),
            eq(t.alertTimeout, due.alertTimeout)
          )
        )
        .returning({ id: t.ticketId })
      claimed = won.length === 1
      return claimed
    },
    async apply(_tx, current, at, reader) {
      const { row } = current
      const rules = await reader.priorityRules(row.priorityId)
      const step = nextStep(rules.levels, row.alertLevel)
      if (!step || row.baseStatus !== 'Active') {
        return undefined
      }
      const now = at.toISOString()
      const values: TicketValues = {
        alertLevel: step.Level,
        alertTimeout: alertTimeoutOf(rules, step.Level, 'Active', row.createdAt),
        deadline: deadlineAfter(rules, now) ?? row.deadline,
      }
      const reassign = step.ReassignTo > 0 && step.ReassignTo !== row.ownedById
      if (reassign && (await reader.associate(step.ReassignTo))) {
        Object.assign(
          values,
          { ownedById: step.ReassignTo },
          newOwner(readFieldsOf(row), false, now)
        )
      }
      return { values, escalatedTo: step.Level, result: undefined }
    },
  })
  return claimed
}
