import type pg from 'pg'
import type { Db } from './db.ts'
import { onPipelinedConnection, pipelinedTransaction } from './pg-transaction.ts'
import { sqlStateOf } from './sql-state.ts'

interface Job<T> {
  fn: (tx: Db) => Promise<T>
  resolve: (value: T) => void
  reject: (error: unknown) => void
}

/**
 * Transactions that share one COMMIT at most. Each has its own savepoint, and PostgreSQL keeps
 * at most 64 of a transaction's subtransactions in its fast path (more slow every snapshot).
 */
export const maxGroupSize = 16

/**
 * Groups that run at once, each on a connection of its own: more let saves wait less for a
 * group to finish; fewer make larger groups (two and three measured alike). The pool's other
 * connections serve reads outside transactions meanwhile. A pool smaller than this makes the
 * extra groups wait for a connection, as single transactions would.
 */
export const maxConcurrentGroups = 3

/** How often a transaction alone runs when PostgreSQL keeps refusing it to break deadlocks. */
const maxDeadlockAttempts = 3

/**
 * Transactions on PostgreSQL, committed in groups: under concurrent saves a save costs both
 * sides less inside a group than alone (one BEGIN, COMMIT and write-ahead-log flush per group,
 * fewer socket writes and wake-ups; measured in docs/benchmarks-history.md).
 *
 * The transactions that arrive in one turn of the event loop run one after the other on one
 * connection, each in its own SAVEPOINT. One that throws is rolled back to its savepoint and
 * fails with its own error; the others go on. A statement the database refuses poisons the
 * rest of the transaction, so the jobs that met that refusal without causing it run again,
 * each in a transaction of its own, as does a job refused to break a deadlock (see
 * docs/decisions.md, "Group commit on PostgreSQL"). Every one resolves only after its COMMIT
 * succeeded; when the connection fails, every job of the group not yet failed fails with it.
 * A transaction that arrives alone runs as one of its own, without a savepoint.
 */
export class PgGroupCommit {
  private pending: Job<unknown>[] = []
  private scheduled = false
  private running = 0

  private readonly pool: pg.Pool

  constructor(pool: pg.Pool) {
    this.pool = pool
  }

  run<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve, reject } as Job<unknown>)
      this.schedule()
    })
  }

  // After the I/O of this turn of the event loop: every request read in it joins the group.
  private schedule() {
    if (this.scheduled || this.running >= maxConcurrentGroups) {
      return
    }
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      while (this.pending.length > 0 && this.running < maxConcurrentGroups) {
        const group = this.pending.splice(0, maxGroupSize)
        this.running += 1
        void this.commitGroup(group).finally(() => {
          this.running -= 1
          if (this.pending.length > 0) {
            this.schedule()
          }
        })
      }
    })
  }

  private async commitGroup(group: Job<unknown>[]): Promise<void> {
    const [only] = group
    if (group.length === 1 && only) {
      await this.runAlone(only)
      return
    }
    let done: { job: Job<unknown>; value: unknown }[] = []
    const settled = new Set<Job<unknown>>()
    // Jobs the group could not keep through no failure of their own: each runs again, alone.
    const again = new Set<Job<unknown>>()
    let lost: { error: unknown } | undefined
    await onPipelinedConnection(this.pool, async (handle) => {
      for (const [index, job] of group.entries()) {
        handle.startJob(index + 1)
        try {
          done.push({ job, value: await job.fn(handle.db) })
          handle.keepJob()
        } catch (thrown) {
          const own = await handle.dropJob(thrown).then(
            (failure) => ({ failure }),
            () => undefined
          )
          if (!own) {
            // The transaction is lost: every job not failed on its own runs again.
            for (const each of group) {
              if (!settled.has(each)) {
                again.add(each)
              }
            }
            done = []
            await handle.rollback(undefined).catch(() => {})
            return
          }
          if (lockedOut(own.failure)) {
            // Its lock wait crossed another group's: alone, it locks only what it needs.
            again.add(job)
          } else {
            settled.add(job)
            job.reject(own.failure)
          }
        }
      }
      await handle.commit().catch((error: unknown) => {
        if (refusedByDatabase(error) && !handle.broken) {
          // A held statement of some job was refused and COMMIT rolled the group back: alone,
          // that job fails with it and the others commit.
          for (const { job } of done) {
            again.add(job)
          }
          done = []
        } else {
          lost = { error }
        }
      })
    }).catch((error: unknown) => {
      lost = { error }
    })
    if (lost) {
      for (const job of group) {
        if (!settled.has(job)) {
          job.reject(lost.error)
        }
      }
      return
    }
    for (const { job, value } of done) {
      job.resolve(value)
    }
    for (const job of again) {
      await this.runAlone(job)
    }
  }

  /**
   * Runs `job` in a transaction of its own. Groups hold their locks until their shared COMMIT,
   * so a transaction alone can meet one in a deadlock too; refused to break it, it runs again.
   */
  private async runAlone(job: Job<unknown>): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        job.resolve(await pipelinedTransaction(this.pool, job.fn))
        return
      } catch (error) {
        if (!lockedOut(error) || attempt >= maxDeadlockAttempts) {
          job.reject(error)
          return
        }
      }
    }
  }
}

/** A failure PostgreSQL answered with an SQLSTATE, however deep it is wrapped. */
const refusedByDatabase = (error: unknown) => sqlStateOf(error) !== undefined

/** PostgreSQL broke a deadlock by refusing this statement (SQLSTATE 40P01). */
const lockedOut = (error: unknown) => sqlStateOf(error) === '40P01'
