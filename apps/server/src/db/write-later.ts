import type { Db } from './db.ts'

/**
 * What a held statement does: a `write` changes rows; a `check` reads and raises, and changes
 * nothing, so it may go as one statement with the writes held after it.
 */
export type HeldKind = 'write' | 'check'

/** A transaction that can hold back writes whose answer nobody reads, to send them with more. */
export interface LaterWrites {
  /**
   * Sends `write` together with the transaction's next statement, or with its commit. A check
   * sent with the writes held after it sees what it would see sent first.
   */
  add(write: () => unknown, kind?: HeldKind): void
  /**
   * Sends `read` together with the transaction's next statement. The function returned gives
   * its answer; asked before anything else was sent, it sends the read at once.
   */
  addRead<T>(read: () => PromiseLike<T>): () => Promise<T>
}

const holders = new WeakMap<Db, LaterWrites>()

/** Marks `tx` as a transaction that holds back writes (a store's transaction handle). */
export function holdWritesOn(tx: Db, later: LaterWrites): void {
  holders.set(tx, later)
}

/** Whether `tx` holds writes back to send them with more (a pipelined PostgreSQL transaction). */
export function holdsWrites(tx: Db): boolean {
  return holders.has(tx)
}

/**
 * Runs a write whose result the caller does not need. On PostgreSQL the transaction sends it
 * with whatever it sends next (a read, or the commit), so it costs no round trip of its own; its
 * failure then fails the commit, and nothing is kept. Elsewhere it runs at once. Later
 * statements of the transaction still see its rows: one connection runs them in order.
 * @example await writeLater(tx, () => insertLinks.execute(values))
 */
export function writeLater(tx: Db, write: () => unknown): Promise<void> {
  return holdOrRun(tx, write, 'write')
}

/**
 * Runs a statement that only checks (it reads, raises when what it expects does not hold, and
 * changes nothing) without waiting for it: where a transaction holds writes, it goes with the
 * next statement or the commit, and its failure fails the commit. Elsewhere it runs at once.
 * @example await checkLater(tx, () => expectNone.execute({ ids }))
 */
export function checkLater(tx: Db, check: () => unknown): Promise<void> {
  return holdOrRun(tx, check, 'check')
}

/** Holds `statement` where `tx` holds writes, else runs it and waits for it. */
async function holdOrRun(tx: Db, statement: () => unknown, kind: HeldKind) {
  const later = holders.get(tx)
  if (later) {
    later.add(statement, kind)
    return
  }
  await statement()
}

/**
 * Runs a read whose answer the caller needs later, not now; the function returned gives the
 * answer. On PostgreSQL the read goes out with the transaction's next statement (one round trip
 * shared); asking for the answer before any other statement sends it alone. Elsewhere it runs
 * at once.
 * @example const nextId = readLater(tx, () => sequence.execute()); await resolveTags(tx); await nextId()
 */
export function readLater<T>(tx: Db, read: () => PromiseLike<T>): () => Promise<T> {
  const later = holders.get(tx)
  if (later) {
    return later.addRead(read)
  }
  const answer = startNow(read)
  // Never asked for, a failure must not end the process as an unhandled rejection.
  answer.catch(() => {})
  return () => answer
}

/**
 * Starts `read` now and once. A Drizzle query builder runs each time `then` is called: called
 * here, the statement goes out at this point, and every caller of the answer shares that run.
 */
export function startNow<T>(read: () => PromiseLike<T>): Promise<T> {
  return Promise.resolve(read().then((rows) => rows))
}
