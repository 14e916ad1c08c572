import type { Tag } from '@ticket/schema'
import type { Db, Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { indexWaitingTitles } from '../listing/search-backlog.ts'
import { type ImportProgress, writeImportProgress } from './import-progress.ts'
import { type TicketToWrite, ticketBatchWriter } from './ticket-batch-writer.ts'

/** How a batch ends: for a file's import, how far the file then is. */
export interface BatchEnd {
  progress?: ImportProgress
  /** When the batch was handed over (the progress row's time). */
  at: string
}

/**
 * Where the import hands its tickets. `add` takes tickets of the batch being read as soon as
 * they are ready; `commit` writes every ticket added since the last commit, and the progress, in
 * one transaction, and resolves once it has committed, with the tags of the lines whose tag names
 * were new (created with the batch). A commit is asked for only after the previous one resolved.
 */
export interface BatchSink {
  add(items: TicketToWrite[]): void
  commit(end: BatchEnd): Promise<Tag[]>
}

/** The batch being written: its transaction is open from its first tickets to its commit. */
interface OpenBatch {
  /** The batch's transaction, once the store has begun it. */
  transaction: Promise<Db>
  /** The tickets written so far; rejects with the first write that failed. */
  written: Promise<void>
  count: number
  /** Tickets whose tag names were new: their tags are known once they are written. */
  withNewTags: TicketToWrite[]
  end(end: BatchEnd): void
  committed: Promise<Tag[]>
}

/**
 * Commits batches on `store`, in this thread. A batch's transaction opens with its first tickets
 * and each part is written as it arrives, so the writing is spread over the time the batch takes
 * to read, and its commit has only the last part, the search index and the progress left to do:
 * written all at the end, the reading side waited for it at every batch.
 */
export function batchSink(store: Store): BatchSink {
  const write = ticketBatchWriter(store)
  let batch: OpenBatch | undefined
  // The last batch's commit. A batch's transaction is asked for only after it: asked for while
  // the last one's was still waiting to start, both would run in one group of the store's
  // transactions, and the first could not commit before the second, which waits for the first.
  let previous: Promise<unknown> = Promise.resolve()
  const open = (): OpenBatch => {
    let begun!: (tx: Db) => void
    const transaction = new Promise<Db>((resolve) => {
      begun = resolve
    })
    let end!: (end: BatchEnd) => void
    const ended = new Promise<BatchEnd>((resolve) => {
      end = resolve
    })
    const opened: OpenBatch = {
      transaction,
      written: transaction.then(() => {}),
      count: 0,
      withNewTags: [],
      end,
      committed: previous.then(() =>
        store.transaction(async (tx) => {
          begun(tx)
          const { progress, at } = await ended
          await opened.written
          if (opened.count > 0) {
            // The batch's titles are in the search index when its transaction commits.
            await indexWaitingTitles(store, tx)
          }
          if (progress) {
            await writeImportProgress(tx, tablesOf(store.db), progress, at)
          }
          return opened.withNewTags.flatMap((item) => item.tags ?? [])
        })
      ),
    }
    // A failed commit is reported to its own caller; the next batch starts all the same.
    previous = opened.committed.catch(() => {})
    return opened
  }
  return {
    add(items) {
      batch ??= open()
      const current = batch
      current.count += items.length
      for (const item of items) {
        if (item.sentTags) {
          current.withNewTags.push(item)
        }
      }
      // After a failed write the rest of the batch is not written: its commit fails with it.
      current.written = current.written.then(async () => write(await current.transaction, items))
      // Reported by the commit, which waits for it, not as an unhandled rejection meanwhile.
      current.written.catch(() => {})
    },
    commit(end) {
      const current = batch ?? open()
      batch = undefined
      current.end(end)
      return current.committed
    },
  }
}
