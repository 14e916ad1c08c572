import type { TSchema } from '@sinclair/typebox'
import type { OperationSpec } from '@ticket/codegen'
import { entityRequestTypes, operations, patchRequestTypes } from '@ticket/schema'

/** What a route accepts as its body, read from the operations table (the contract as data). */
export interface BodySpec {
  /** The entity a JSON, XML or form body is. */
  schema: TSchema | undefined
  /** The document a patch body applies to (the operation's 200 response, else its body). */
  document: TSchema | undefined
  mediaTypes: string[]
}

// Routes outside the operations table (modules) get every format, untyped.
const anyBody: BodySpec = {
  schema: undefined,
  document: undefined,
  mediaTypes: [...entityRequestTypes, ...patchRequestTypes],
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')

function specOf(op: OperationSpec): BodySpec {
  const body = op.body
  const alternatives = body?.alternatives ?? []
  return {
    schema: body?.schema,
    document: op.responses[200]?.schema ?? body?.schema,
    mediaTypes: [...(body?.mediaTypes ?? []), ...alternatives.flatMap((a) => a.mediaTypes)],
  }
}

// Compiled once; paths match case-insensitively, as agent method names do.
const routes = operations
  .filter((op) => op.body)
  .map((op) => ({
    method: op.method.toUpperCase(),
    pattern: new RegExp(`^${escapeRegExp(op.path).replace(/\{[^}]+\}/g, '[^/]+')}/?$`, 'i'),
    spec: specOf(op),
  }))

/**
 * The body contract of a request by method and path.
 * @example bodySpecOf('POST', '/api/v1/Ticket').schema // TicketEntity
 */
export function bodySpecOf(method: string, path: string): BodySpec {
  const upper = method.toUpperCase()
  return routes.find((r) => r.method === upper && r.pattern.test(path))?.spec ?? anyBody
}
