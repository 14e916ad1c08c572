import type { OperationSpec } from '@ticket/codegen'
import { ops } from '@ticket/schema'
import type { Context } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { bindOperation } from '../http/route.ts'
import { messageServiceOf } from './message-service-factory.ts'

type AgentHandler = readonly [OperationSpec, (c: Context<AppEnv>) => Promise<Response>]

/** The Ticket agent's message methods; same code path as the REST routes. */
export function messageAgentMethods(deps: AppDeps): AgentHandler[] {
  const messages = messageServiceOf(deps)
  return [
    [
      ops.TicketAgent_SaveTicketMessageEntity,
      bindOperation(ops.TicketAgent_SaveTicketMessageEntity, async (c, { body, send }) => {
        if (body === null) {
          throw new ApiError('BAD_REQUEST', 'Entity to save is not in request body.')
        }
        const input = { input: body, notify: false, files: [] }
        return send(await messages.save(c.get('caller'), input))
      }),
    ],
    [
      ops.TicketAgent_SaveTicketMessageEntityWithNotify,
      bindOperation(
        ops.TicketAgent_SaveTicketMessageEntityWithNotify,
        async (c, { body, send }) => {
          if (!body?.NewEntity) {
            throw new ApiError('BAD_REQUEST', 'newEntity is required.', {
              errors: [{ path: '/NewEntity', message: 'required', code: 'required' }],
            })
          }
          const saved = await messages.save(c.get('caller'), {
            input: body.NewEntity,
            notify: body.Notify === true,
            files: [],
          })
          return send(saved)
        }
      ),
    ],
    [
      ops.TicketAgent_GetTicketMessageEntity,
      bindOperation(ops.TicketAgent_GetTicketMessageEntity, async (c, { query, send }) =>
        send((await messages.read(c.get('caller'), query.ticketMessageEntityId)) ?? null)
      ),
    ],
  ]
}
