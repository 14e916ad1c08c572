import type { Context } from 'hono'
import type { AppEnv } from '../app-env.ts'
import type { Db } from '../db/store.ts'

/** Runs inside a save's transaction, with what was saved, just before it commits. */
export type BeforeCommit<T> = (tx: Db, saved: T) => Promise<void>

/**
 * Runs `save` and answers with `respond`, building the answer inside the save's transaction
 * (through the `beforeCommit` it hands to `save`) and storing it there under the request's
 * Idempotency-Key: the change and the answer a retry replays commit together.
 */
export async function answerInTransaction<T>(
  c: Context<AppEnv>,
  save: (beforeCommit: BeforeCommit<T>) => Promise<T>,
  respond: (saved: T) => Response | Promise<Response>
): Promise<Response> {
  let answer: Response | undefined
  const key = c.get('idempotencyKey')
  await save(async (tx, saved) => {
    answer = await respond(saved)
    await key?.storeIn(tx, answer)
  })
  if (!answer) {
    throw new Error('the save committed without building its answer')
  }
  // Committed: the answer stored with the change is the one a retry replays.
  if (key) {
    key.answered = true
  }
  return answer
}
