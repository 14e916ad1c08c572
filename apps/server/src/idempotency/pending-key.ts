import type { Db } from '../db/store.ts'

/**
 * The Idempotency-Key a request holds while it runs. A save stores its answer with `storeIn`
 * inside its own transaction, so the change and the answer commit together: after a crash
 * either both exist or neither, and a retry never saves twice.
 */
export interface PendingKey {
  storeIn(tx: Db, response: Response): Promise<void>
  /**
   * True once the answer stored with the change has committed; the middleware then stores
   * nothing. Set by the caller after the commit, not by `storeIn`: a transaction that stored
   * the answer may still roll back (and run again, see docs/decisions.md, "Group commit on
   * PostgreSQL").
   */
  answered: boolean
}
