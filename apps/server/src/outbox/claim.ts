import { and, asc, eq, lte, sql } from 'drizzle-orm'
import type { QueryColumn } from '../db/db.ts'
import { prepared } from '../db/prepared.ts'
import { placeholdersFor, shapeKey } from '../db/statement-shape.ts'
import type { Db, Store } from '../db/store.ts'

/** The columns every leased delivery table has: its key, its status and when it is due. */
export interface LeasedTable {
  deliveryId: QueryColumn
  status: QueryColumn
  nextAttemptAt: QueryColumn
}

/** A due row as first read: the claim on it is guarded by the `next_attempt_at` read here. */
export interface DueRow {
  id: number
  nextAttemptAt: string | null
}

/**
 * Pending rows due by the `now$` placeholder; pass with `.orderBy(...dueFirst(t))` and
 * `.limit(sql.placeholder('limit$'))` so the oldest go first. Run with `dueValues`.
 */
export const dueBy = (t: LeasedTable) =>
  and(eq(t.status, 'pending'), lte(t.nextAttemptAt, sql.placeholder('now$')))

export const dueFirst = (t: LeasedTable) => [asc(t.nextAttemptAt), asc(t.deliveryId)] as const

export const dueValues = (now: Date, limit: number) => ({ now$: now.toISOString(), limit$: limit })

/**
 * The guard of a claim: the row read as due (`id$`), still pending, with the `next_attempt_at`
 * read then (`due$`). Run with `guardValues(due)`.
 */
export const claimGuard = (t: LeasedTable) =>
  and(
    eq(t.deliveryId, sql.placeholder('id$')),
    eq(t.status, 'pending'),
    eq(t.nextAttemptAt, sql.placeholder('due$'))
  )

export const guardValues = (due: DueRow) => ({ id$: due.id, due$: due.nextAttemptAt })

/**
 * Claims the rows `findDue` reads, each by the update `take` runs under `claimGuard`, which
 * matches only the `next_attempt_at` it read; `take` moves that to a lease in the future. Of two
 * dispatchers (two processes on one PostgreSQL) only one update matches, so a row is never sent
 * twice at once; a claim left by a crash expires with its lease and the row is due again.
 */
export function claimLeased<D extends DueRow, C>(
  store: Store,
  findDue: (tx: Db) => Promise<D[]>,
  take: (tx: Db, due: D) => Promise<C | undefined>
): Promise<C[]> {
  return store.transaction(async (tx) => {
    const claimed: C[] = []
    for (const due of await findDue(tx)) {
      if (due.nextAttemptAt === null) {
        continue
      }
      const won = await take(tx, due)
      if (won) {
        claimed.push(won)
      }
    }
    return claimed
  })
}

/** A claimed row as its outcome's guard needs it. */
export interface HeldRow {
  deliveryId: number
  nextAttemptAt: string | null
  tries: number
}

/**
 * Writes a claimed row's outcome (`values`), only while the claim is still ours: the row is still
 * pending with the `next_attempt_at` it was claimed with and, with `sameTry`, the try the claim
 * counted. One statement per `name`, set of columns and kind of guard (a row claimed without a
 * time matches without one), prepared once.
 */
export async function writeOutcome(
  tx: Db,
  name: string,
  t: LeasedTable & { tries: QueryColumn },
  held: HeldRow,
  values: Record<string, unknown>,
  options: { sameTry?: boolean } = {}
): Promise<void> {
  const keys = Object.keys(values)
  const leased = held.nextAttemptAt !== null
  const statement = prepared(tx, shapeKey(`${name}.${leased ? 'leased' : 'unleased'}`, keys), (d) =>
    d
      .update(t as never)
      .set(placeholdersFor(keys) as never)
      .where(
        and(
          eq(t.deliveryId, sql.placeholder('id$')),
          eq(t.status, 'pending'),
          options.sameTry ? eq(t.tries, sql.placeholder('tries$')) : undefined,
          leased ? eq(t.nextAttemptAt, sql.placeholder('lease$')) : undefined
        )
      )
  )
  await statement.execute({
    ...values,
    id$: held.deliveryId,
    tries$: held.tries,
    lease$: held.nextAttemptAt,
  })
}
