import type { Db } from './db.ts'

/**
 * Ids a process has drawn ahead from one PostgreSQL sequence, handed out one at a time. A save
 * that takes one knows its row's id before it sends anything, so none of its writes waits for
 * an answer and the whole save goes out with its COMMIT, one round trip.
 *
 * It is a sequence's own CACHE, held by the process rather than by each connection: ids stay
 * unique, a process hands its ids out in increasing order, and the ones it holds when it stops
 * are never used (a gap, as a rolled-back insert leaves). Across processes, ids are no longer in
 * the order the rows were created; `CreatedAt` is that order (see docs/decisions.md).
 */
export class IdBlock {
  private ids: number[] = []
  private next = 0

  /** The next id held, or undefined when the block is used up. */
  take(): number | undefined {
    if (this.next >= this.ids.length) {
      return undefined
    }
    const id = this.ids[this.next]
    this.next += 1
    return id
  }

  /** Whether `take` would answer without drawing more. */
  get holdsSome(): boolean {
    return this.next < this.ids.length
  }

  /** Adds freshly drawn ids; they are handed out smallest first, after those still held. */
  add(drawn: number[]): void {
    const left = this.ids.slice(this.next)
    this.ids = [...left, ...[...drawn].sort((a, b) => a - b)]
    this.next = 0
  }
}

/** The blocks of each owner (a pool: one per process and database), by sequence name. */
const blocksOfOwner = new WeakMap<object, Map<string, IdBlock>>()
/** The blocks a transaction handle draws from: its owner's, found once when it is shared. */
const blocksOf = new WeakMap<Db, Map<string, IdBlock>>()

/**
 * Lets transactions on `tx` draw from the blocks of `owner`: every connection of one pool
 * shares its blocks, so a process holds one block per sequence and database.
 */
export function shareIdBlocks(tx: Db, owner: object): void {
  let blocks = blocksOfOwner.get(owner)
  if (!blocks) {
    blocks = new Map()
    blocksOfOwner.set(owner, blocks)
  }
  blocksOf.set(tx, blocks)
}

/**
 * The block named `name` that `tx` draws from; undefined where a transaction draws none (SQLite,
 * whose INSERT returns its id without a round trip).
 */
export function idBlockOf(tx: Db, name: string): IdBlock | undefined {
  const blocks = blocksOf.get(tx)
  if (!blocks) {
    return undefined
  }
  let block = blocks.get(name)
  if (!block) {
    block = new IdBlock()
    blocks.set(name, block)
  }
  return block
}
