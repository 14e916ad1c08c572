import type { Tag } from '@ticket/schema'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { type ImportProgress, writeImportProgress } from './import-progress.ts'
import { type TicketToWrite, ticketBatchWriter } from './ticket-batch-writer.ts'

/** One batch to commit: its tickets and, for a file's import, how far the file then is. */
export interface Batch {
  items: TicketToWrite[]
  progress?: ImportProgress
  /** When the batch was handed over (the progress row's time). */
  at: string
}

/**
 * Writes a batch's tickets and progress in one transaction; resolves once it has committed,
 * with the tags of the lines whose tag names were new (created with the batch).
 */
export type CommitBatch = (batch: Batch) => Promise<Tag[]>

/** Commits batches on `store`, in this thread. */
export function batchCommitter(store: Store): CommitBatch {
  const write = ticketBatchWriter(store)
  return (batch) =>
    store.transaction(async (tx) => {
      if (batch.items.length > 0) {
        await write(tx, batch.items)
      }
      if (batch.progress) {
        await writeImportProgress(tx, tablesOf(store.db), batch.progress, batch.at)
      }
      return batch.items.flatMap((item) => (item.sentTags ? (item.tags ?? []) : []))
    })
}
