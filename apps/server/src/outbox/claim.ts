import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm'
import type { QueryColumn, QueryTable } from '../db/db.ts'
import { forUpdate } from '../db/for-update.ts'
import { prepared } from '../db/prepared.ts'
import { listShape, placeholdersFor, rowShape } from '../db/statement-shape.ts'
import type { Db, Store } from '../db/store.ts'
import { writeLater } from '../db/write-later.ts'
import { groupBy } from '../group-by.ts'
import { isoAfter } from './backoff.ts'

/** The columns every leased delivery table has: its key, its status and when it is due. */
export interface LeasedTable {
  deliveryId: QueryColumn
  status: QueryColumn
  nextAttemptAt: QueryColumn
}

/** A claim's values: when it is made, and how many rows it takes at most. */
const now = sql.placeholder('now$')
const dueLimit = sql.placeholder('limit$')

/** Pending rows due by the time the claim is made. */
const dueBy = (t: LeasedTable) => and(eq(t.status, 'pending'), lte(t.nextAttemptAt, now))

/** The new `next_attempt_at` a claim sets: the end of its lease. */
export const leaseSet = () => placeholdersFor(['nextAttemptAt'])

/**
 * Which rows of `t` a claim's UPDATE takes: the due rows, oldest first, at most `limit$`, that
 * are still due when the UPDATE reaches them. On PostgreSQL the rows picked are locked as they
 * are read, and rows another claim holds locked are passed over (`SKIP LOCKED`): two processes
 * claiming at once take different rows, and neither waits for the other. Should a row be taken
 * meanwhile all the same, its `next_attempt_at` is then the other claim's lease, in the future,
 * and the re-check leaves it out. SQLite has one writer at a time: nothing to skip.
 */
export function claimable(dialect: Store['dialect'], d: Db, t: LeasedTable & QueryTable) {
  const due = d
    .select({ id: t.deliveryId })
    .from(t)
    .where(dueBy(t))
    .orderBy(asc(t.nextAttemptAt), asc(t.deliveryId))
    .limit(dueLimit)
  const picked = dialect === 'pg' ? forUpdate(due, { skipLocked: true }) : due
  return and(inArray(t.deliveryId, picked), dueBy(t))
}

/** When a claim is made, how long its lease lasts and how many rows it takes at most. */
export interface ClaimWindow {
  now: Date
  leaseMs: number
  limit: number
}

type Values = Record<string, unknown>

/**
 * Claims due rows with the one statement `claim` runs: an UPDATE over `claimable` rows that
 * sets `leaseSet` (the lease's end) and returns them. Of two dispatchers (two processes on one
 * PostgreSQL) only one takes a row, so a row is never sent twice at once; a claim left by a crash
 * expires with its lease and the row is due again. The statement runs with the values its
 * placeholders name (`claimable`, `leaseSet`), given here. Its rows come back in no
 * particular order; `idOf` orders them by id, so a round starts its sends oldest first.
 */
export async function claimLeased<C>(
  store: Store,
  window: ClaimWindow,
  claim: (tx: Db, values: Values) => Promise<C[]>,
  idOf: (claimed: C) => number
): Promise<C[]> {
  const values = {
    [now.name]: window.now.toISOString(),
    [dueLimit.name]: window.limit,
    nextAttemptAt: isoAfter(window.now, window.leaseMs),
  }
  const claimed = await store.transaction((tx) => claim(tx, values))
  return claimed.sort((a, b) => idOf(a) - idOf(b))
}

/** A claimed row as its outcome's guard needs it. */
export interface HeldRow {
  deliveryId: number
  nextAttemptAt: string | null
  tries: number
}

/** A claimed row and the outcome to write to it. */
interface RowOutcome {
  row: HeldRow
  values: Record<string, unknown>
}

/**
 * Writes claimed rows' outcomes, to each only while its claim is still ours: the row is still
 * pending with the `next_attempt_at` it was claimed with and, with `sameTry`, the try the claim
 * counted. Rows with the same guard (lease and count of tries) and the same outcome take one
 * statement; rows claimed together mostly have both, so a round's outcomes are mostly one. Each
 * statement is prepared once per `name`, set of columns, kind of guard (a row claimed without a
 * time matches without one) and number of rows.
 */
export async function writeOutcome<R extends HeldRow>(
  tx: Db,
  name: string,
  t: LeasedTable & { tries: QueryColumn },
  held: readonly R[],
  outcomeOf: (row: R) => Record<string, unknown>,
  options: { sameTry?: boolean } = {}
): Promise<void> {
  const outcomes = held.map((row): RowOutcome => ({ row, values: outcomeOf(row) }))
  const sameStatement = ({ row, values }: RowOutcome) =>
    JSON.stringify([row.nextAttemptAt, row.tries, values])
  for (const group of groupBy(outcomes, sameStatement).values()) {
    await writeGroupOutcome(tx, name, t, group, options)
  }
}

async function writeGroupOutcome(
  tx: Db,
  name: string,
  t: LeasedTable & { tries: QueryColumn },
  group: [RowOutcome, ...RowOutcome[]],
  options: { sameTry?: boolean }
) {
  const [{ row: first, values }] = group
  const leased = first.nextAttemptAt !== null
  const shape = rowShape(`${name}.${leased ? 'leased' : 'unleased'}`, values)
  const ids = listShape(
    shape.key,
    group.map(({ row }) => row.deliveryId)
  )
  const statement = prepared(tx, ids.key, (d) =>
    d
      .update(t as never)
      .set(shape.placeholders() as never)
      .where(
        and(
          inArray(t.deliveryId, ids.placeholders()),
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
      ...ids.values,
      tries$: first.tries,
      lease$: first.nextAttemptAt,
    })
  )
}
