import { and, desc, eq, gt, inArray, lte, max, notInArray, or, sql } from 'drizzle-orm'
import { prepared } from '../db/prepared.ts'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import type { Counted, FailureLedger, Standing } from './failure-ledger.ts'
import { RecentFailures } from './recent-failures.ts'

const iso = (ms: number) => new Date(ms).toISOString()

// Past this many keys with recent failures (a flood of made-up names), every check reads.
const maxRemembered = 10_000

const clean: Standing = Object.freeze({ waitMs: 0, failures: 0 })

/** The change feed's message for a failure: when, then the failed keys (digests, no spaces). */
const announcement = (at: number, keys: string[]) => `${at} ${keys.join(' ')}`

function heardOf(detail: string): { at: number; keys: string[] } | undefined {
  const [at, ...keys] = detail.split(' ')
  const time = Number(at)
  return Number.isFinite(time) && keys.length > 0 ? { at: time, keys } : undefined
}

/**
 * In the `sign_in_failures` table, so every process on the database counts the same failures.
 * A failure writes a row and trims its key to the newest `limit` rows and the table to the
 * longest window, so it stays small under a flood, and announces its keys on the change feed.
 *
 * Almost every check is of keys that never failed, so each process remembers which keys failed
 * within `horizonMs` (the longest window), from those announcements and from the table, and
 * answers "no failures" for the others without a read. A key that failed is read from the table,
 * so counts and waits stay exact. Whenever the memory may lack a failure (not yet loaded, the
 * feed not listening, messages lost) every check reads until it is loaded again.
 */
export function tableLedger(
  store: Pick<Store, 'db' | 'transaction' | 'changes'>,
  horizonMs: number
): FailureLedger {
  const f = tablesOf(store.db).signInFailures
  const recent = new RecentFailures(horizonMs, maxRemembered)
  let loaded: 'no' | 'loading' | 'yes' = 'no'
  // A load that a later resync overtook must not mark the memory complete.
  let generation = 0

  /** Everything the table holds, newest first, so an overflow counts from the newest failure. */
  const load = () => {
    const mine = ++generation
    loaded = 'loading'
    const newest = max(f.failedAt)
    store.db
      .select({ key: f.key, at: newest })
      .from(f)
      .groupBy(f.key)
      .orderBy(desc(newest))
      .limit(maxRemembered + 1)
      .then(
        (rows) => {
          if (mine !== generation) {
            return
          }
          for (const { key, at } of rows) {
            // Never null: every row has a time.
            if (at) {
              recent.heard([key], Date.parse(at))
            }
          }
          loaded = 'yes'
        },
        // The next check tries again; meanwhile every check reads (and meets the same error).
        () => {
          if (mine === generation) {
            loaded = 'no'
          }
        }
      )
  }
  // Subscribed before the first load: a failure either committed before the load reads, or is
  // heard.
  store.changes.subscribe('sign-in-failures', (detail) => {
    const heard = heardOf(detail)
    if (heard) {
      recent.heard(heard.keys, heard.at)
    } else {
      load()
    }
  })
  store.changes.onResync(load)

  async function read(counted: Counted[], now: number): Promise<Standing[]> {
    // One statement per number of keys, prepared once.
    const statement = prepared(store.db, `sign-in-failures.standings.${counted.length}`, (d) =>
      d
        .select({ key: f.key, failedAt: f.failedAt })
        .from(f)
        .where(
          or(
            ...counted.map((_, i) =>
              and(
                eq(f.key, sql.placeholder(`key${i}`)),
                gt(f.failedAt, sql.placeholder(`since${i}`))
              )
            )
          )
        )
        .orderBy(desc(f.failedAt))
    )
    const values: Record<string, string> = {}
    for (const [i, c] of counted.entries()) {
      values[`key${i}`] = c.key
      values[`since${i}`] = iso(now - c.windowMs)
    }
    const rows = await statement.execute(values)
    return counted.map((c) => {
      const times = rows.filter((r) => r.key === c.key).map((r) => Date.parse(r.failedAt))
      const gate = times[c.limit - 1]
      return {
        waitMs: gate === undefined ? 0 : Math.max(0, gate + c.windowMs - now),
        failures: times.length,
      }
    })
  }

  return {
    async standings(counted, now) {
      if (loaded === 'no') {
        load()
      }
      const sure =
        loaded === 'yes' &&
        store.changes.listening() &&
        !counted.some((c) => recent.mayHaveFailed(c.key, c.windowMs, now))
      return sure ? counted.map(() => clean) : read(counted, now)
    },
    async record(counted, now) {
      const keys = counted.map((c) => c.key)
      // Remembered before it is written: a check in this process meanwhile reads the table.
      recent.heard(keys, now)
      const longest = Math.max(...counted.map((c) => c.windowMs))
      const announce = await store.transaction(async (tx) => {
        await tx.insert(f).values(counted.map((c) => ({ key: c.key, failedAt: iso(now) })))
        for (const c of counted) {
          const newest = tx
            .select({ id: f.failureId })
            .from(f)
            .where(eq(f.key, c.key))
            .orderBy(desc(f.failedAt), desc(f.failureId))
            .limit(c.limit)
          await tx.delete(f).where(and(eq(f.key, c.key), notInArray(f.failureId, newest)))
        }
        await tx.delete(f).where(lte(f.failedAt, iso(now - longest)))
        // Heard by every process when this commits (by this one too).
        return store.changes.stage(tx, 'sign-in-failures', announcement(now, keys))
      })
      announce()
    },
    // The memory keeps the key: it then reads the table, which is right, until its failures
    // age out. Forgetting it here could drop a failure another process records meanwhile.
    async clear(key) {
      await store.transaction((tx) => tx.delete(f).where(inArray(f.key, [key])))
    },
  }
}
