import type { Tag } from '@ticket/schema'
import type { Store } from '../db/store.ts'
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

/** Commits batches on `store`, in this thread. */
export function batchSink(store: Store): BatchSink {
  const write = ticketBatchWriter(store)
  let added: TicketToWrite[][] = []
  return {
    add(items) {
      added.push(items)
    },
    commit(end) {
      const items = added.flat()
      added = []
      return store.transaction(async (tx) => {
        if (items.length > 0) {
          await write(tx, items)
          // The batch's titles are in the search index when its transaction commits.
          await indexWaitingTitles(store, tx)
        }
        if (end.progress) {
          await writeImportProgress(tx, tablesOf(store.db), end.progress, end.at)
        }
        return items.flatMap((item) => (item.sentTags ? (item.tags ?? []) : []))
      })
    },
  }
}
