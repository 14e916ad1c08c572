import { type Static, Type } from '@sinclair/typebox'
import type { TableSpec } from '@ticket/codegen'
import { Int32, JSON_COLUMN, Nullable, Text, withDb } from '../common/types.ts'

/**
 * Row of `idempotency_keys`: the first answer to a state-changing request sent with an
 * `Idempotency-Key`, kept so a retry with the same key gets that answer instead of a second save.
 */
export const IdempotencyKeyRecord = Type.Object(
  {
    Scope: Text('The caller and the key: `<associate id>:<Idempotency-Key>`.', 300),
    RequestDigest: Text('SHA-256 (hex) of method, path, query, content type and body.', 64),
    State: Type.Union([Type.Literal('pending'), Type.Literal('done')], {
      description: '`pending` while the first request runs, `done` once its answer is stored.',
    }),
    Status: Nullable(Int32('HTTP status of the first answer.')),
    ResponseHeaders: withDb(
      Type.Record(Type.String(), Type.String(), {
        description: 'The representation headers of the first answer (type, ETag, language…).',
      }),
      JSON_COLUMN
    ),
    ResponseBody: Nullable(Text('Body of the first answer (base64).', 20_000_000)),
    CreatedAt: Type.String({ format: 'date-time', description: 'When the key was first seen.' }),
    ExpiresAt: withDb(
      Type.String({ format: 'date-time', description: 'When the key may be used again.' }),
      { kind: 'column', index: true }
    ),
  },
  { $id: 'IdempotencyKeyRecord', description: 'Storage row of an idempotency key.' }
)
export type IdempotencyKeyRecord = Static<typeof IdempotencyKeyRecord>

export const idempotencyTables: TableSpec[] = [
  { name: 'idempotency_keys', schema: IdempotencyKeyRecord, primaryKey: ['Scope'] },
]
