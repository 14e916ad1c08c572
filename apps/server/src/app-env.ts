import type { Caller } from './auth/caller.ts'
import type { PendingKey } from './idempotency/pending-key.ts'
import type { RequestLocale } from './locale/locale.ts'

/** Hono context variables every handler may read. */
export type AppEnv = {
  Variables: {
    requestId: string
    caller: Caller
    locale: RequestLocale
    /** Set while a request with an Idempotency-Key runs for the first time. */
    idempotencyKey?: PendingKey
  }
}
