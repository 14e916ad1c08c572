import type { OperationSpec } from '@ticket/codegen'
import { agentOperations } from './agents.ts'
import { authOperations } from './auth.ts'
import { mdoOperations } from './mdo.ts'
import { serviceOperations } from './service.ts'
import { ticketOperations } from './ticket.ts'

export { TokenIdParam } from './auth.ts'
export { type MdoListName, mdoListNames } from './mdo.ts'
export * from './media-types.ts'
export { JsonPatch, JsonPatchOperation, MergePatch } from './patch-bodies.ts'

/** Every endpoint of the service as data: the server, the OpenAPI emitter and the tests read it. */
export const operations: OperationSpec[] = [
  ...serviceOperations,
  ...ticketOperations,
  ...agentOperations,
  ...mdoOperations,
  ...authOperations,
]
