import { and, desc, eq, gt, inArray, lte, notInArray, or, sql } from 'drizzle-orm'
import { prepared } from '../db/prepared.ts'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { FailureWindow } from './failure-window.ts'

/** A key's failures count toward `limit` within `windowMs`. */
export interface Counted {
  key: string
  limit: number
  windowMs: number
}

export interface Standing {
  /** Milliseconds until the key may try again; 0 while under its limit. */
  waitMs: number
  /** Failures in its window now. */
  failures: number
}

/** Where failed sign-ins are counted. */
export interface FailureLedger {
  /** The standing of each key, in one read. */
  standings(counted: Counted[], now: number): Promise<Standing[]>
  record(counted: Counted[], now: number): Promise<void>
  clear(key: string): Promise<void>
}

/** In this process's memory: enough when one process owns the database (SQLite). */
export function memoryLedger(): FailureLedger {
  const windows = new Map<string, FailureWindow>()
  const windowOf = ({ limit, windowMs }: Counted) => {
    const id = `${limit}/${windowMs}`
    let window = windows.get(id)
    if (!window) {
      window = new FailureWindow(limit, windowMs)
      windows.set(id, window)
    }
    return window
  }
  return {
    standings: async (counted, now) =>
      counted.map((c) => ({
        waitMs: windowOf(c).retryAfterMs(c.key, now),
        failures: windowOf(c).count(c.key, now),
      })),
    record: async (counted, now) => {
      for (const c of counted) {
        windowOf(c).fail(c.key, now)
      }
    },
    clear: async (key) => {
      for (const window of windows.values()) {
        window.clear(key)
      }
    },
  }
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * In the `sign_in_failures` table, so every process on the database counts the same failures.
 * A check is one indexed read for all its keys; a failure writes a row and trims its key to the
 * newest `limit` rows and the table to the longest window, so it stays small under a flood.
 */
export function tableLedger(store: Pick<Store, 'db' | 'transaction'>): FailureLedger {
  const f = tablesOf(store.db).signInFailures
  return {
    async standings(counted, now) {
      // Every authenticated request asks: one statement per number of keys, prepared once.
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
    },
    async record(counted, now) {
      const longest = Math.max(...counted.map((c) => c.windowMs))
      await store.transaction(async (tx) => {
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
      })
    },
    async clear(key) {
      await store.transaction((tx) => tx.delete(f).where(inArray(f.key, [key])))
    },
  }
}
