import type { Db, Store } from '../db/store.ts'
import type { CoreDeps, ServiceModule } from '../modules/service-module.ts'
import { moveWaitingTitlesPg, titlesWaitingPg } from './pg-search-backlog.ts'
import { moveWaitingTitles, prepareSearchBacklog, titlesWaiting } from './sqlite-search-backlog.ts'

// A new ticket's title reaches the full-text index through a backlog: the save's trigger records
// the ticket's id in `ticket_search_backlog`, and the titles waiting there are moved into the
// index many per statement (why: docs/decisions.md, "New titles reach the search index after
// the save").

/**
 * Moves every waiting title into the index, as the title is now. Call it inside a transaction
 * (`tx`, on SQLite the store's writer), so that the index and the backlog change together.
 */
export async function indexWaitingTitles(store: Store, tx: Db): Promise<void> {
  if (store.dialect === 'sqlite') {
    moveWaitingTitles(store)
    return
  }
  await moveWaitingTitlesPg(tx)
}

/**
 * Brings the index up to date before a search reads it: the search then finds every ticket
 * committed before it started, by whichever process. Costs one indexed read when nothing waits.
 */
export async function searchIndexUpToDate(store: Store): Promise<void> {
  const waiting = store.dialect === 'sqlite' ? titlesWaiting(store) : await titlesWaitingPg(store)
  if (waiting) {
    await store.transaction((tx) => indexWaitingTitles(store, tx))
  }
}

/** How long the first title of a burst of creates waits, so that one move takes the burst. */
const backlogDelayMs = 100

/**
 * Keeps the backlog short: a move follows every burst of creates `backlogDelayMs` later, so a
 * search seldom has to wait for one, and the stop moves what still waits. On PostgreSQL every
 * process moves the whole backlog, whichever process's creates filled it.
 */
export function createSearchBacklogModule({ store, logger }: CoreDeps): ServiceModule {
  if (store.dialect === 'sqlite') {
    prepareSearchBacklog(store)
  }
  let timer: NodeJS.Timeout | undefined
  let moving: Promise<void> | undefined
  const move = () => {
    timer = undefined
    moving = store
      .transaction((tx) => indexWaitingTitles(store, tx))
      .catch((error: unknown) => {
        // The titles stay in the backlog; the next move or search takes them.
        logger.error('moving new titles into the search index failed', { err: error })
      })
      .finally(() => {
        moving = undefined
      })
    return moving
  }
  return {
    name: 'search-backlog',
    afterCommit(change) {
      if (change.kind === 'created' && !timer) {
        timer = setTimeout(move, backlogDelayMs)
        timer.unref()
      }
    },
    async stop() {
      await moving
      if (timer) {
        clearTimeout(timer)
        await move()
      }
    },
  }
}
