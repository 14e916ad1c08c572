import type { EscalationModule } from '../escalation/escalation-module.ts'

/** Working hours open all day, every day, for priorities whose office time equals wall time. */
export const allDay = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].flatMap((day) => [
    [`${day}Start`, '1970-01-01T00:00:00.000Z'],
    [`${day}Stop`, '1970-01-01T23:59:00.000Z'],
  ])
)

/** The running escalation module of an app, to drive its scheduler by hand. */
export const escalationOf = (deps: { modules: { name: string }[] }) =>
  deps.modules.find((m) => m.name === 'escalation') as EscalationModule
