import type { Db } from '../db/store.ts'

type BeforeCommit<E> = (tx: Db, saved: E) => Promise<void>

/**
 * Runs a save and stamps the caller's rights (TableRight, FieldProperties) on what it saved. A
 * `beforeCommit` hook (the idempotency answer, stored inside the save's transaction) sees the
 * same stamped entity the caller is answered with: the entity is stamped once, when the hook
 * runs, and that copy is returned unless the save returns another entity (a retried attempt).
 */
export async function saveWithRights<E, R extends { beforeCommit?: BeforeCommit<E> }>(
  save: (request: R) => Promise<E>,
  request: R,
  stamp: (entity: E) => E
): Promise<E> {
  const { beforeCommit } = request
  let stamped: { of: E; as: E } | undefined
  const saved = await save({
    ...request,
    ...(beforeCommit && {
      beforeCommit: (tx: Db, entity: E) => {
        stamped = { of: entity, as: stamp(entity) }
        return beforeCommit(tx, stamped.as)
      },
    }),
  })
  return stamped?.of === saved ? stamped.as : stamp(saved)
}
