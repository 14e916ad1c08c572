import type { SQLWrapper } from 'drizzle-orm'

/** PostgreSQL's row-lock clause, as its select builder takes it. */
interface Lockable<Q> {
  for(strength: 'update', config?: { skipLocked?: boolean }): Q
}

/**
 * A select that locks the rows it reads until the transaction ends (`FOR UPDATE`; with
 * `skipLocked`, rows another transaction holds are passed over instead of waited for).
 * PostgreSQL only: the shared builder type is SQLite's, which has no `for`, so the one cast to
 * PostgreSQL's builder lives here.
 */
export function forUpdate<Q extends SQLWrapper>(query: Q, config?: { skipLocked: true }): Q {
  return (query as unknown as Lockable<Q>).for('update', config)
}
