import type { CoreDeps, ServiceDeps, ServiceModule } from '../modules/service-module.ts'
import { dueTicketsQuery } from './due-tickets.ts'
import { escalateTicket } from './escalate-ticket.ts'

export interface EscalationOptions {
  /** How often due tickets are looked for (default 15 s). */
  pollMs?: number
  /** Most tickets escalated per look (default 50). */
  batchSize?: number
}

export interface EscalationModule extends ServiceModule {
  /** Escalates what is due now; how many steps this process fired. */
  runOnce(): Promise<number>
}

/**
 * The escalation scheduler. Its state is the tickets' own `AlertTimeout`, so it survives a
 * restart: a process that starts finds what fell due while it was down. Several processes may
 * run it: each step is claimed by one of them.
 */
export function createEscalationModule(
  core: CoreDeps,
  options: EscalationOptions = {}
): EscalationModule {
  const pollMs = options.pollMs ?? 15_000
  const batchSize = options.batchSize ?? 50
  let running: ServiceDeps | undefined
  let timer: NodeJS.Timeout | undefined
  let pass: Promise<number> | undefined
  let stopped = false

  async function runOnce(): Promise<number> {
    if (!running) {
      return 0
    }
    const deps = running
    const due = await dueTicketsQuery(deps.store, deps.now(), batchSize)
    let fired = 0
    for (const ticket of due) {
      if (stopped || ticket.alertTimeout === null) {
        break
      }
      try {
        if (await escalateTicket(deps, { ...ticket, alertTimeout: ticket.alertTimeout })) {
          fired += 1
        }
      } catch (error) {
        core.logger.error('escalation step failed; retried on the next pass', {
          err: error,
          ticketId: ticket.ticketId,
        })
      }
    }
    return fired
  }

  const schedule = () => {
    if (stopped) {
      return
    }
    timer = setTimeout(() => {
      pass = runOnce().catch((error: unknown) => {
        core.logger.error('escalation pass failed', { err: error })
        return 0
      })
      void pass.finally(schedule)
    }, pollMs)
    timer.unref()
  }

  return {
    name: 'escalation',
    runOnce,
    start(deps) {
      if (!deps) {
        return
      }
      running = deps
      stopped = false
      schedule()
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      await pass
    },
  }
}
