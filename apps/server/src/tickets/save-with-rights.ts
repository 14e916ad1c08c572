import type { Db } from '../db/store.ts'

type BeforeCommit<E> = (tx: Db, saved: E) => Promise<void>

/**
 * Runs a save and stamps the caller's rights (TableRight, FieldProperties) on what it saved. A
 * `beforeCommit` hook (the idempotency answer, stored inside the save's transaction) sees the
 * same stamped entity the caller is answered with.
 */
export async function saveWithRights<E, R extends { beforeCommit?: BeforeCommit<E> }>(
  save: (request: R) => Promise<E>,
  request: R,
  stamp: (entity: E) => E
): Promise<E> {
  const { beforeCommit } = request
  return stamp(
    await save({
      ...request,
      ...(beforeCommit && { beforeCommit: (tx: Db, saved: E) => beforeCommit(tx, stamp(saved)) }),
    })
  )
}
