import type { TSchema } from '@sinclair/typebox'
import type { OperationSpec } from '@ticket/codegen'

/** What an operation accepts as its body, read from its spec once, when its route is bound. */
export interface BodySpec {
  /** The entity a JSON, XML or form body is. */
  schema: TSchema | undefined
  /** The document a patch body applies to (the operation's 200 response, else its body). */
  document: TSchema | undefined
  mediaTypes: string[]
}

/**
 * The body contract of an operation.
 * @example bodySpecOf(ops.SaveTicketEntityWithNotify).schema // TicketEntity
 */
export function bodySpecOf(op: OperationSpec): BodySpec {
  const body = op.body
  const alternatives = body?.alternatives ?? []
  return {
    schema: body?.schema,
    document: op.responses[200]?.schema ?? body?.schema,
    mediaTypes: [...(body?.mediaTypes ?? []), ...alternatives.flatMap((a) => a.mediaTypes)],
  }
}
