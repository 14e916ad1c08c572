import type { OperationSpec } from '@ticket/codegen'
import { agentOperations } from './agents.ts'
import { authOperations } from './auth.ts'
import { mdoOperations } from './mdo.ts'
import { notificationOperations } from './notifications.ts'
import { serviceOperations } from './service.ts'
import { ticketOperations } from './ticket.ts'
import { webhookOperations } from './webhooks.ts'

export { TokenIdParam } from './auth.ts'
export { TicketIdParam } from './common.ts'
export { type MdoListName, mdoListNames } from './mdo.ts'
export * from './media-types.ts'
export {
  NotificationIdParam,
  NotificationListQuery,
  StreamHeaders,
} from './notifications.ts'
export { JsonPatch, JsonPatchOperation, MergePatch } from './patch-bodies.ts'
export {
  DeliveryIdParams,
  WebhookIdParam,
  WebhookRegistration,
  WebhookView,
} from './webhooks.ts'

/** Every endpoint of the service as data: the server, the OpenAPI emitter and the tests read it. */
export const operations: OperationSpec[] = [
  ...serviceOperations,
  ...ticketOperations,
  ...agentOperations,
  ...mdoOperations,
  ...notificationOperations,
  ...authOperations,
  ...webhookOperations,
]
