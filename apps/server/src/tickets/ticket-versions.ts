import type { Store } from '../db/store.ts'

export interface TicketVersion {
  revision: number
  lastChanged: string | null
}

// Bounded: a crawl over many tickets between two writes starts over rather than growing it.
const maxKept = 10_000

/**
 * A live ticket's revision and last change (undefined when it does not exist), asked of the
 * database only when it may have changed. Where this process is the database's only writer
 * (SQLite), a version read after the latest transaction ended holds until the next one ends, so
 * a read-mostly load reads each version once per write instead of once per request (a read is
 * cheap, but it is most of what a kept answer costs); elsewhere (PostgreSQL) every call reads.
 */
export function createTicketVersions(
  store: Pick<Store, 'transactionsEnded'>,
  read: (id: number) => Promise<TicketVersion | undefined>
): (id: number) => Promise<TicketVersion | undefined> {
  let epoch: number | undefined
  let kept = new Map<number, TicketVersion>()
  return async (id) => {
    const ended = store.transactionsEnded()
    if (ended === undefined) {
      return read(id)
    }
    if (ended !== epoch) {
      epoch = ended
      kept = new Map()
    }
    const known = kept.get(id)
    if (known) {
      return known
    }
    // Read after `ended` was taken: a transaction ending meanwhile moves the count past this
    // map, so nothing kept here can be older than the last transaction it belongs to.
    const into = kept
    const version = await read(id)
    // A missing ticket is asked again: tickets:import may add it from its own process.
    if (version) {
      if (into.size >= maxKept) {
        into.clear()
      }
      into.set(id, version)
    }
    return version
  }
}
