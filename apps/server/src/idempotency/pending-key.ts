import type { Db } from '../db/store.ts'

/**
 * The Idempotency-Key a request holds while it runs. A save stores its answer with `storeIn`
 * inside its own transaction, so the change and the answer commit together: after a crash
 * either both exist or neither, and a retry never saves twice.
 */
export interface PendingKey {
  storeIn(tx: Db, response: Response): Promise<void>
  /** True once the answer was stored with the change; the middleware then stores nothing. */
  answered: boolean
}
