import type { ServiceDeps } from './modules/service-module.ts'
import type { Readiness } from './process/readiness.ts'
import type { TicketService } from './tickets/ticket-service.ts'

/** What the app is built from: bootstrap assembles it once; tests pass their own. */
export interface AppDeps extends ServiceDeps {
  /** The one ticket service, shared by the REST and agent routes. */
  tickets: TicketService
  /** What `/readyz` reports besides the database; absent: ready. */
  readiness?: Readiness
}
