import type { OperationSpec } from '@ticket/codegen'
import { agentOps } from './agents.ts'
import { authOps } from './auth.ts'
import { customerServiceOps } from './customer-service.ts'
import { historyOps } from './history.ts'
import { withIdempotencyKey } from './idempotency.ts'
import { mdoOps } from './mdo.ts'
import { messageOps } from './messages.ts'
import { notificationOps } from './notifications.ts'
import { readStatusOps } from './read-status.ts'
import { serviceOps } from './service.ts'
import { ticketOps } from './ticket.ts'
import { webhookOps } from './webhooks.ts'

export { TokenIdParam } from './auth.ts'
export { IGNORED_PROPERTIES_HEADER, TicketIdParam } from './common.ts'
export { type MdoListName, mdoListNames } from './mdo.ts'
export * from './media-types.ts'
export { AttachmentParams, PageQuery, TicketMessageIdParam } from './messages.ts'
export {
  NotificationIdParam,
  NotificationListQuery,
  StreamHeaders,
} from './notifications.ts'
export { JsonPatch, JsonPatchOperation } from './patch-bodies.ts'
export { TicketEntitySelection, TicketEntityWithLinksSelection } from './selection.ts'
export {
  DeliveryIdParams,
  WebhookIdParam,
  WebhookRegistration,
  WebhookView,
} from './webhooks.ts'

const contract = {
  ...serviceOps,
  ...ticketOps,
  ...messageOps,
  ...readStatusOps,
  ...historyOps,
  ...agentOps,
  ...customerServiceOps,
  ...mdoOps,
  ...notificationOps,
  ...authOps,
  ...webhookOps,
}

/**
 * Every endpoint of the service by operationId: the server binds a handler to each. Every
 * state-changing one takes an `Idempotency-Key`.
 */
export const ops = Object.fromEntries(
  Object.entries(contract).map(([id, op]) => [id, withIdempotencyKey(op)])
) as typeof contract

/** Every endpoint of the service as data: the server, the OpenAPI emitter and the tests read it. */
export const operations: OperationSpec[] = Object.values(ops)
