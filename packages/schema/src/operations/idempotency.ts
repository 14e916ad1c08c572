import { Type } from '@sinclair/typebox'
import type { OperationSpec } from '@ticket/codegen'
import { ProblemDetails } from '../model.ts'
import { problemTypes } from './media-types.ts'

export const IdempotencyKeyHeader = Type.String({
  minLength: 1,
  maxLength: 255,
  pattern: '^[!-~]+$',
  description:
    'A key the client makes up per request (a UUID): a retry with the same key and the same request gets the first answer, with `Idempotent-Replayed: true`, and changes nothing. Keys are per caller and expire after 24 hours.',
})

/** Every state-changing operation takes an `Idempotency-Key` and may answer 422 for a reused one. */
export function withIdempotencyKey(op: OperationSpec): OperationSpec {
  if (op.method === 'get') {
    return op
  }
  return {
    ...op,
    headers: Type.Object({
      ...(op.headers?.properties ?? {}),
      'Idempotency-Key': Type.Optional(IdempotencyKeyHeader),
    }),
    responses: {
      ...op.responses,
      422: {
        description: 'The `Idempotency-Key` was used before for a different request.',
        schema: ProblemDetails,
        mediaTypes: problemTypes,
      },
    },
  }
}
