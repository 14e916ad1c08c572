import type { Database as SqliteConnection } from 'better-sqlite3'

interface Job<T> {
  fn: () => Promise<T>
  resolve: (value: T) => void
  reject: (error: unknown) => void
}

/** The statements that open and end a group, and the one that counts what it changed. */
const controlStatements = {
  begin: 'BEGIN IMMEDIATE',
  commit: 'COMMIT',
  rollback: 'ROLLBACK',
}
const changesCountText = 'select total_changes()'

/** Saves that share one COMMIT at most: bounds how long the first of them waits for the last. */
export const maxGroupSize = 64

/**
 * Turns of the event loop a group waits, beyond its first, for more transactions while every
 * turn brings some: bounds how long the first of them waits when saves never stop coming.
 */
export const maxExtraTurns = 1

/**
 * Transactions on SQLite's one writer connection, committed in groups. Writing a commit to the
 * write-ahead log (and the full-text index's flush with it) costs more than a small save, so
 * the transactions that arrive in one turn of the event loop run one after the other inside one
 * BEGIN … COMMIT (and while every turn brings more, those of the next few turns join them, see
 * `schedule`). A failing one must leave nothing behind. One that failed before it wrote a row
 * (a refused save: validation, a missing ticket, a stale revision) changed nothing, and the
 * group goes on. One that failed after writing is undone with the whole group so far, and the
 * ones before it run again, in their order, before the rest: a save has no SAVEPOINT of its own,
 * because SQLite copies every page a savepoint's statements touch into its journal first, and
 * those copies cost a save more than the rare rerun (docs/decisions.md, "Group commit on
 * SQLite"). Every one of them resolves only after the shared COMMIT succeeded (no answer before
 * the data is as durable as a transaction of its own makes it); if the COMMIT fails, every one
 * of them fails with its error. Between groups the connection is outside any transaction, as it
 * is between single transactions, so nothing outside a transaction ever runs inside an open
 * group.
 */
export class SqliteGroupCommit {
  /**
   * Groups ended so far, committed or rolled back. Ticket rows change only inside transactions,
   * so a cache of what the reader saw may keep it while this stays put; counting rollbacks too
   * covers `:memory:` databases, whose reader is this connection and can see a group half done.
   */
  ended = 0
  private pending: Job<unknown>[] = []
  private scheduled = false
  private running: Promise<void> | undefined

  private readonly connection: SqliteConnection
  private readonly control: Record<keyof typeof controlStatements, () => void>
  /** Rows inserted, updated or deleted on the connection so far, triggers' included. */
  private readonly changesCount: () => unknown

  constructor(connection: SqliteConnection) {
    this.connection = connection
    // Prepared once: `exec` parses its text again on every call.
    this.control = Object.fromEntries(
      Object.entries(controlStatements).map(([name, text]) => {
        const prepared = connection.prepare(text)
        return [name, () => void prepared.run()]
      })
    ) as Record<keyof typeof controlStatements, () => void>
    const counted = connection.prepare(changesCountText).pluck()
    this.changesCount = () => counted.get()
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve, reject } as Job<unknown>)
      this.schedule()
    })
  }

  /** Resolves once every transaction asked for so far has finished. */
  async idle(): Promise<void> {
    while (this.running || this.pending.length > 0) {
      await (this.running ?? new Promise((resolve) => setImmediate(resolve)))
    }
  }

  /**
   * Starts a group after the I/O of this turn of the event loop, so every request read in it
   * joins; while a turn brings more transactions, it waits for the next turn too (up to
   * `maxExtraTurns`, or until the group is full). Under load the answers of one group go out
   * together and their clients' next requests arrive over more than one turn: the group that
   * waits for them is larger (14 saves instead of 9 at 16 connections), and one BEGIN, COMMIT
   * and write of each shared page serve more saves. Side by side it measured 1.00 to 1.13
   * times the creates a second, never fewer (docs/benchmarks-history.md, "This stop's
   * measurements (2026-12-03, 06:25–07:32)"). A transaction that arrives alone waits no longer
   * than before: its first turn brings no other.
   */
  private schedule() {
    if (this.scheduled || this.running) {
      return
    }
    this.scheduled = true
    let seen = this.pending.length
    let extraTurns = 0
    const start = () => {
      const arriving = this.pending.length > seen
      if (arriving && this.pending.length < maxGroupSize && extraTurns < maxExtraTurns) {
        seen = this.pending.length
        extraTurns += 1
        setImmediate(start)
        return
      }
      this.scheduled = false
      this.running = this.commitGroup(this.pending.splice(0, maxGroupSize)).finally(() => {
        this.running = undefined
        if (this.pending.length > 0) {
          this.schedule()
        }
      })
    }
    setImmediate(start)
  }

  private async commitGroup(group: Job<unknown>[]): Promise<void> {
    const db = this.connection
    const control = this.control
    const waiting = [...group]
    let done: { job: Job<unknown>; value: unknown }[] = []
    let open = false
    for (let job = waiting.shift(); job !== undefined; job = waiting.shift()) {
      if (!open) {
        try {
          control.begin()
          open = true
        } catch (error) {
          job.reject(error)
          continue
        }
      }
      const changedBefore = this.changesCount()
      try {
        done.push({ job, value: await job.fn() })
      } catch (error) {
        job.reject(error)
        if (!db.inTransaction) {
          // SQLite rolled the whole transaction back (a full disk, an I/O error): the saves
          // before this one are gone with it.
          open = false
          for (const earlier of done) {
            earlier.job.reject(error)
          }
          done = []
        } else if (this.changesCount() !== changedBefore) {
          // Its rows are undone only with the group's: the saves before it run again, first.
          control.rollback()
          open = false
          // A reader that can see this connection (`:memory:`) may have seen the undone rows.
          this.ended += 1
          waiting.unshift(...done.map((earlier) => earlier.job))
          done = []
        }
      }
    }
    // Counted before any save's continuation runs (settling a job only queues it), so a read
    // the continuation makes is never taken as older than this group.
    this.ended += 1
    if (!open) {
      return
    }
    try {
      control.commit()
    } catch (error) {
      if (db.inTransaction) {
        control.rollback()
      }
      for (const { job } of done) {
        job.reject(error)
      }
      return
    }
    for (const { job, value } of done) {
      job.resolve(value)
    }
  }
}
