import { and, asc, eq, lte, sql } from 'drizzle-orm'
import type { QueryColumn } from '../db/db.ts'
import { prepared } from '../db/prepared.ts'
import { placeholdersFor, rowShape } from '../db/statement-shape.ts'
import type { Db, Store } from '../db/store.ts'
import { writeLater } from '../db/write-later.ts'
import { isoAfter } from './backoff.ts'

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
 * Pending rows due by the time the claim is made; a `findDue` query ends with
 * `.where(dueBy(t)).orderBy(...dueFirst(t)).limit(dueLimit)` so the oldest go first.
 */
export const dueBy = (t: LeasedTable) =>
  and(eq(t.status, 'pending'), lte(t.nextAttemptAt, sql.placeholder('now$')))

export const dueFirst = (t: LeasedTable) => [asc(t.nextAttemptAt), asc(t.deliveryId)] as const

/** How many rows one claim reads at most. */
export const dueLimit = sql.placeholder('limit$')

/**
 * The guard of a claim: the row read as due, still pending, with the `next_attempt_at` read
 * then. A `take` update is `.set(leaseSet()).where(claimGuard(t))`.
 */
export const claimGuard = (t: LeasedTable) =>
  and(
    eq(t.deliveryId, sql.placeholder('id$')),
    eq(t.status, 'pending'),
    eq(t.nextAttemptAt, sql.placeholder('due$'))
  )

/** The new `next_attempt_at` a claim sets: the end of its lease. */
export const leaseSet = () => placeholdersFor(['nextAttemptAt'])

/** When a claim is made, how long its lease lasts and how many rows it takes at most. */
export interface ClaimWindow {
  now: Date
  leaseMs: number
  limit: number
}

type Values = Record<string, unknown>

/**
 * Claims the rows `findDue` reads, each by the update `take` runs under `claimGuard`, which
 * matches only the `next_attempt_at` it read; `take` moves that to the lease's end. Of two
 * dispatchers (two processes on one PostgreSQL) only one update matches, so a row is never sent
 * twice at once; a claim left by a crash expires with its lease and the row is due again. Each
 * statement runs with the values its placeholders name (`dueBy`, `dueLimit`, `claimGuard`,
 * `leaseSet`), given here.
 */
export function claimLeased<D extends DueRow, C>(
  store: Store,
  window: ClaimWindow,
  findDue: (tx: Db, values: Values) => Promise<D[]>,
  take: (tx: Db, due: D, values: Values) => Promise<C | undefined>
): Promise<C[]> {
  const lease = isoAfter(window.now, window.leaseMs)
  return store.transaction(async (tx) => {
    const dueValues = { now$: window.now.toISOString(), limit$: window.limit }
    const due = (await findDue(tx, dueValues)).filter((row) => row.nextAttemptAt !== null)
    // Asked for together: on PostgreSQL the updates go out one behind the other without
    // waiting for each answer, one round trip for the claim however many rows it takes.
    const won = await Promise.all(
      due.map((row) =>
        take(tx, row, { id$: row.id, due$: row.nextAttemptAt, nextAttemptAt: lease })
      )
    )
    return won.filter((claim) => claim !== undefined)
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
  const leased = held.nextAttemptAt !== null
  const shape = rowShape(`${name}.${leased ? 'leased' : 'unleased'}`, values)
  const statement = prepared(tx, shape.key, (d) =>
    d
      .update(t as never)
      .set(shape.placeholders() as never)
      .where(
        and(
          eq(t.deliveryId, sql.placeholder('id$')),
          eq(t.status, 'pending'),
          options.sameTry ? eq(t.tries, sql.placeholder('tries$')) : undefined,
          leased ? eq(t.nextAttemptAt, sql.placeholder('lease$')) : undefined
        )
      )
  )
  // Nothing is read from it: where the transaction holds writes back (PostgreSQL), it goes
  // with the next statement or the commit.
  await writeLater(tx, () =>
    statement.execute({
      ...values,
      id$: held.deliveryId,
      tries$: held.tries,
      lease$: held.nextAttemptAt,
    })
  )
}
