import type { AppDeps } from '../app-deps.ts'
import { createMessageService, type MessageService } from './message-service.ts'

const services = new WeakMap<AppDeps, MessageService>()

/** One message service per app, shared by the REST and agent routes. */
export function messageServiceOf(deps: AppDeps): MessageService {
  let service = services.get(deps)
  if (!service) {
    service = createMessageService(deps)
    services.set(deps, service)
  }
  return service
}
