import { availableParallelism } from 'node:os'
import { parseDatabaseUrl } from '../db/database-url.ts'
import { type Env, EnvError } from '../env.ts'

/**
 * How many server processes to run. SQLite has one writer and the file belongs to one process,
 * so more than one is refused; `auto` (one per core) means one there.
 * @example workerCount({ TICKET_WORKERS: 'auto', DATABASE_URL: 'postgres://…' }) // cores
 */
export function workerCount(
  env: Pick<Env, 'TICKET_WORKERS' | 'DATABASE_URL'>,
  cores = availableParallelism()
): number {
  const onPg = parseDatabaseUrl(env.DATABASE_URL).dialect === 'pg'
  if (env.TICKET_WORKERS === 'auto') {
    return onPg ? cores : 1
  }
  const count = Number(env.TICKET_WORKERS)
  if (count > 1 && !onPg) {
    throw new EnvError(
      `TICKET_WORKERS=${count} needs PostgreSQL: an SQLite file has one writer and belongs to ` +
        'one process. Set DATABASE_URL=postgres://… to run several processes, or TICKET_WORKERS=1.'
    )
  }
  return count
}
