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
