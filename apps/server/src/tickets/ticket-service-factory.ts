import type { AppDeps } from '../app.ts'
import { assignOwner } from '../assignment/assign-owner.ts'
import { createReferenceReader } from '../reference/index.ts'
import { createTicketService, type TicketService } from './ticket-service.ts'

const services = new WeakMap<AppDeps, TicketService>()

/** One ticket service per app, shared by the REST and agent routes. */
export function ticketServiceOf(deps: AppDeps): TicketService {
  let service = services.get(deps)
  if (!service) {
    service = createTicketService({ ...deps, readerFor: createReferenceReader, assignOwner })
    services.set(deps, service)
  }
  return service
}
