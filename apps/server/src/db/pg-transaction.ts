import { drizzle } from 'drizzle-orm/node-postgres'
import type pg from 'pg'
import type { Db, PgDb } from './db.ts'
import { shareIdBlocks } from './id-blocks.ts'
import { InsertRun, type StatementArgs } from './pg-insert-run.ts'
import * as pgTables from './schema.pg.gen.ts'
import { sqlStateOf } from './sql-state.ts'
import { type HeldKind, holdWritesOn, type LaterWrites, startNow } from './write-later.ts'

type QueryArgs = Parameters<pg.PoolClient['query']>

/**
 * One pooled connection as a transaction handle, built once per connection: Drizzle's handle and
 * the statements `prepared` keeps for it live as long as the connection.
 *
 * The pool's connections run in node-postgres's pipeline mode: a statement goes out without
 * waiting for the answer to the one before. A transaction uses that to save round trips:
 * - BEGIN is not sent alone; it goes with the transaction's first statement (a transaction that
 *   sends none costs nothing).
 * - Writes whose answer nobody reads (`writeLater`) wait and go with the next statement, or with
 *   COMMIT. Reads whose answer is needed later (`readLater`) wait the same way, but go at once
 *   when their answer is asked for first.
 * - Held writes that are plain INSERTs, one after the other, go as one statement (`InsertRun`),
 *   with the check held just before them: a create's tag check, ticket row, links and history
 *   row cost PostgreSQL one statement, not five.
 * Each batch leaves in one socket write (corked). A held-back write that fails aborts the
 * transaction: the statements behind it fail and COMMIT rolls back; `commit` then throws that
 * first failure, so the caller sees the same error as when the write ran alone.
 */
class PipelinedConnection implements LaterWrites {
  readonly db: Db
  /** BEGIN still to send with the next statement. */
  private beginPending = false
  private held: HeldStatement[] = []
  /**
   * What kind of held statement is being sent: a write's plain INSERTs and a check join
   * `inserts` instead of going alone.
   */
  private sending: HeldStatement['kind'] | undefined
  private readonly inserts = new InsertRun()
  /** Statements sent without anyone awaiting them (BEGIN, held writes): checked at the end. */
  private unawaited: { sent: Promise<unknown>; job: number }[] = []
  /**
   * Set when COMMIT or ROLLBACK did not get an answer: the connection may still be inside the
   * transaction, so it must leave the pool rather than serve the next one.
   */
  broken: Error | undefined
  /** Between `start` and the end of commit or rollback. */
  private open = false
  /** The job of a group whose statements are being sent (0 outside a group). */
  private job = 0
  /** Where the current job's statements start in `held`. */
  private jobStart = 0
  /** The current job's SAVEPOINT, as held until a batch sends it. */
  private jobSavepoint: HeldStatement | undefined
  /** Statements Drizzle has handed to `query` so far: shows whether a held one was sent. */
  private queried = 0

  private readonly client: pg.PoolClient

  constructor(client: pg.PoolClient, pool: pg.Pool) {
    this.client = client
    // The pool listens for a connection's loss only while the connection is idle; lost while
    // lent out (PostgreSQL restarted, the backend was terminated), it would be an uncaught
    // error that ends the process. The statements in flight fail on their own; the connection
    // is marked so that it leaves the pool when given back.
    client.on('error', (error) => {
      this.broken = error
    })
    // Drizzle sees a client whose every statement goes through `query` below.
    const query = (...args: QueryArgs) => this.query(...args)
    const db: Omit<PgDb, '$client'> = drizzle({
      client: { query } as unknown as pg.PoolClient,
      schema: pgTables,
    })
    this.db = db as unknown as Db
    holdWritesOn(this.db, this)
    // Ids drawn ahead are shared by every connection of the pool.
    shareIdBlocks(this.db, pool)
  }

  start() {
    this.beginPending = true
    this.held = []
    this.unawaited = []
    this.broken = undefined
    this.open = true
    this.job = 0
  }

  finish() {
    this.open = false
  }

  add(write: () => unknown, kind: HeldKind = 'write') {
    // Held past the end, it would go out with the next transaction on this connection.
    if (!this.open) {
      throw new Error('a write held for a transaction that has ended')
    }
    this.held.push({ send: write, job: this.job, kind })
  }

  addRead<T>(read: () => PromiseLike<T>): () => Promise<T> {
    if (!this.open) {
      throw new Error('a read held for a transaction that has ended')
    }
    let sent: Promise<T> | undefined
    this.held.push({
      send: () => {
        // Started inside the batch, so it is sent with the batch.
        sent = startNow(read)
        return sent
      },
      job: this.job,
      kind: 'read',
    })
    return () => {
      if (!sent && this.open) {
        // Asked for before the transaction sent anything else: it goes now, alone.
        this.batch(() => undefined)
      }
      return sent ?? Promise.reject(new Error('a read held for a transaction that has ended'))
    }
  }

  /**
   * Opens job `job` of a group (several transactions sharing this one): a savepoint, sent with
   * the job's first statement. Each statement sent from now on counts as the job's.
   */
  startJob(job: number) {
    this.job = job
    this.jobStart = this.held.length
    this.jobSavepoint = { send: () => this.client.query('savepoint job'), job, kind: 'control' }
    this.held.push(this.jobSavepoint)
  }

  /**
   * Whether nothing of the current job has gone out: its SAVEPOINT is still where it was held.
   * A batch empties `held`, so after one that sent it, whatever the job held since sits there.
   */
  private jobUnsent(): boolean {
    return this.jobSavepoint !== undefined && this.held[this.jobStart] === this.jobSavepoint
  }

  /**
   * Keeps the current job's writes: its savepoint's release goes out with what follows. When
   * nothing of the job has gone out yet, its savepoint goes neither: the job can no longer be
   * rolled back to it (a refusal of its held writes surfaces with a later statement, when the
   * group's transaction is lost whatever savepoints it holds), so SAVEPOINT and RELEASE would
   * be two statements per save that undo nothing.
   */
  keepJob() {
    if (this.jobUnsent()) {
      this.held.splice(this.jobStart, 1)
      return
    }
    this.held.push({
      send: () => this.client.query('release savepoint job'),
      job: this.job,
      kind: 'control',
    })
  }

  /**
   * Undoes the current job after it threw `thrown` and answers the job's own failure: the first
   * of its statements the database refused, else `thrown`. Rejects when the group cannot go on:
   * a statement of an earlier job was refused (PostgreSQL then refuses everything after it, so
   * the later jobs saw failures that were not theirs), or the undo itself failed.
   */
  async dropJob(thrown: unknown): Promise<unknown> {
    if (this.jobUnsent()) {
      // Nothing of the job went out, and it read nothing.
      this.held.length = this.jobStart
      return thrown
    }
    this.held = []
    const outcomes = await Promise.allSettled(this.unawaited.map((s) => s.sent))
    const firstFailure = outcomes.findIndex((o) => o.status === 'rejected')
    const failed = outcomes[firstFailure]
    const failedJob = this.unawaited[firstFailure]?.job
    this.unawaited = []
    if (failed?.status === 'rejected' && failedJob !== this.job) {
      throw failed.reason
    }
    // Sent together; if either fails, the transaction is lost with the earlier jobs' writes.
    await Promise.all([
      this.client.query('rollback to savepoint job'),
      this.client.query('release savepoint job'),
    ])
    return failed?.status === 'rejected' ? failed.reason : thrown
  }

  /** What Drizzle calls for every statement of the transaction. */
  private query(...args: QueryArgs) {
    this.queried += 1
    const [config, values] = args as unknown[]
    const kind = this.sending
    const joinable = kind === 'write' || kind === 'check'
    if (joinable && typeof config === 'object' && config !== null && 'text' in config) {
      const statement = { config, values: values ?? [] } as StatementArgs
      const joined = this.inserts.offer(statement, kind)
      if (joined) {
        return joined
      }
    }
    return this.batch(() => {
      this.sendInserts()
      return Reflect.apply(this.client.query, this.client, args) as unknown
    })
  }

  /** Sends the INSERTs collected so far as one statement. */
  private sendInserts() {
    const run = this.inserts.take()
    if (run) {
      const { config, values } = run.statement
      run.settle(this.client.query(config, values) as Promise<unknown>)
    }
  }

  /** Sends BEGIN and the held writes if still due, then `last`, in one socket write. */
  private batch<T>(last: () => T): T {
    const stream = (this.client as unknown as { connection?: { stream?: CorkableStream } })
      .connection?.stream
    stream?.cork()
    try {
      if (this.beginPending) {
        this.beginPending = false
        this.track(this.client.query('begin'), 0)
      }
      const held = this.held
      this.held = []
      let job = 0
      for (const write of held) {
        // A run stays within one job and holds writes only (a check opens a new one). Reads go
        // alone: their answers are read, and a run's answer is the whole statement's.
        if (write.kind !== 'write' || write.job !== job) {
          this.sendInserts()
        }
        job = write.job
        this.sending = write.kind
        const before = this.queried
        try {
          this.track(write.send() as Promise<unknown>, write.job)
        } finally {
          this.sending = undefined
        }
        // A statement that reached the driver only after an await would go out behind COMMIT,
        // outside the transaction or inside the connection's next one: the connection leaves
        // the pool (its open transaction ends with it) and the transaction fails.
        if (write.kind !== 'control' && this.queried === before) {
          this.broken = new Error('a held statement must reach the driver at once (a prepared one)')
          throw this.broken
        }
      }
      this.sendInserts()
      return last()
    } finally {
      stream?.uncork()
    }
  }

  private track(sent: Promise<unknown>, job: number) {
    // Observed in `commit`/`rollback`; never an unhandled rejection meanwhile.
    sent.catch(() => {})
    this.unawaited.push({ sent, job })
  }

  /** Commits; throws the first failure of a statement nobody awaited (then nothing was kept). */
  async commit(): Promise<void> {
    if (this.beginPending && this.held.length === 0) {
      this.beginPending = false
      return
    }
    const committed = this.batch(() => this.client.query('commit'))
    committed.catch((error) => {
      this.broken = connectionError(error)
    })
    const outcomes = await Promise.allSettled([...this.unawaited.map((s) => s.sent), committed])
    this.unawaited = []
    // After a failed statement COMMIT answers ROLLBACK without an error: that failure is the news.
    const failed = outcomes.find((o) => o.status === 'rejected')
    if (failed) {
      throw failed.reason
    }
  }

  /**
   * Rolls back after `error`. A held write that failed is the cause of what followed (the
   * statements behind it only report the aborted transaction), so that failure is thrown.
   */
  async rollback(error: unknown): Promise<never> {
    this.held = []
    if (this.beginPending) {
      this.beginPending = false
      throw error
    }
    const outcomes = await Promise.allSettled(this.unawaited.map((s) => s.sent))
    this.unawaited = []
    await this.client.query('rollback').catch((failure) => {
      this.broken = connectionError(failure) ?? (failure as Error)
    })
    const failed = outcomes.find((o) => o.status === 'rejected')
    throw failed ? failed.reason : error
  }
}

/** A statement held to go with the next batch; `job` is its save's number within a group. */
interface HeldStatement {
  send: () => unknown
  job: number
  /**
   * A write (may join an INSERT run), a check (may open one), a read (goes alone), or a
   * savepoint's start or end.
   */
  kind: HeldKind | 'read' | 'control'
}

interface CorkableStream {
  cork(): void
  uncork(): void
}

const handles = new WeakMap<pg.PoolClient, PipelinedConnection>()

/**
 * Runs `body` with a connection of `pool` (opened with `pipeline: true`) as a transaction handle
 * that has started, and gives the connection back after it, out of the pool if it broke.
 */
export async function onPipelinedConnection<T>(
  pool: pg.Pool,
  body: (handle: PipelinedConnection) => Promise<T>
): Promise<T> {
  const client = await pool.connect()
  let handle = handles.get(client)
  if (!handle) {
    handle = new PipelinedConnection(client, pool)
    handles.set(client, handle)
  }
  handle.start()
  try {
    return await body(handle)
  } finally {
    handle.finish()
    client.release(handle.broken)
  }
}

/**
 * Runs `fn` in one transaction on a connection of `pool`; a throw rolls it back. See
 * {@link PipelinedConnection} for what is sent when.
 */
export function pipelinedTransaction<T>(pool: pg.Pool, fn: (tx: Db) => Promise<T>): Promise<T> {
  return onPipelinedConnection(pool, async (handle) => {
    let result: T
    try {
      result = await fn(handle.db)
    } catch (error) {
      return await handle.rollback(error)
    }
    await handle.commit()
    return result
  })
}

export type { PipelinedConnection }

/** Errors PostgreSQL reports carry an SQLSTATE; any other failure is the connection's. */
const connectionError = (error: unknown): Error | undefined =>
  sqlStateOf(error) !== undefined
    ? undefined
    : error instanceof Error
      ? error
      : new Error(String(error))
