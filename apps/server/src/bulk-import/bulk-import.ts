import type { Tag } from '@ticket/schema'
import type { Caller } from '../auth/caller.ts'
import { checkCustomFields } from '../custom-fields/check-custom-fields.ts'
import { customFieldInfos } from '../custom-fields/custom-field-rows.ts'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { ApiError, type FieldError } from '../http/api-error.ts'
import type { Catalog } from '../reference/catalog.ts'
import { type KnownTags, loadKnownTags, rememberTag, tagKey } from '../reference/known-tags.ts'
import { applyStatus } from '../tickets/apply-status.ts'
import { defaultTicket } from '../tickets/default-ticket.ts'
import type { ReferenceReader } from '../tickets/reference-reader.ts'
import { resolveCarriers } from '../tickets/resolve-carriers.ts'
import { resolveSecondaryPersons } from '../tickets/resolve-persons.ts'
import { unresolvedTag } from '../tickets/resolve-tags.ts'
import {
  carriersBeforeOwner,
  copySentProperties,
  requireTitle,
  stampSave,
} from '../tickets/sent-ticket.ts'
import { storageOnlyProperties } from '../tickets/ticket-rows.ts'
import { type BatchSink, batchSink } from './commit-batch.ts'
import type { SourceLine } from './file-lines.ts'
import type { ImportProgress } from './import-progress.ts'
import { parseTicketLine } from './parse-ticket-line.ts'
import { type TicketToWrite, ticketRowEncoder } from './ticket-batch-writer.ts'
import { newTicketRow } from './ticket-row.ts'

/** A line that was not imported, with why (as a problem's `errors` list). */
export interface RejectedLine {
  line: number
  problem: string
  errors?: FieldError[]
}

export interface BulkImportOptions {
  store: Store
  catalog: Catalog
  /** Who creates the tickets: the default CreatedBy and Author. */
  caller: Caller
  now: () => Date
  /** Tickets per transaction. */
  batchSize: number
  /**
   * Hears each rejected line before the batch that covers it commits (a report written here is
   * never behind the committed progress).
   */
  onRejected(rejected: RejectedLine): void
  /** After each committed batch: the last line it covers and the running totals. */
  onCommitted?(progress: { line: number; imported: number; rejected: number }): void
  /**
   * A file's import: every batch's transaction also records how far the file is committed
   * (`ticket_imports`), so an interrupted import resumes exactly there. `previous` is what an
   * earlier run committed; `reportBytes` the length of the rejected-lines report now.
   */
  file?: { key: string; path: string; previous?: ImportProgress; reportBytes: () => number }
  /** Where tickets go and batches commit (default: in this thread, on `store`). */
  sink?: BatchSink
  /** True when the lines ended because the run was interrupted: the file is not done. */
  interrupted?: () => boolean
}

/**
 * Imports TicketEntity JSON lines as new tickets: each line is validated and resolved like a
 * create (the body parser's outcome, carriers from the reference catalog, status rules, tags by
 * id or name, read status, status clock, the priority's deadline and escalation time), then
 * written in transactions of `batchSize` tickets. A line that fails is reported and skipped; it
 * never stops the run. Modules (notifications, webhooks, history) are not run: an import is a
 * data load, not a stream of user saves.
 */
export async function bulkImport(
  lines: AsyncIterable<SourceLine> | Iterable<SourceLine>,
  options: BulkImportOptions
) {
  const { store, file } = options
  const reader = options.catalog.readerFor(store.reader)
  const context: LineContext = {
    // With the storage-only properties each line's ticket gets below: a property added to the
    // copy of a sixty-property object reallocates its property store, three times a line.
    base: {
      ...(await defaultTicket(reader, options.caller)),
      ...Object.fromEntries(storageOnlyProperties.map((property) => [property, null])),
    },
    declared: await customFieldInfos(store.reader, tablesOf(store.db)),
    reader,
    caller: options.caller,
    tags: await loadKnownTags(store.reader),
    encodeRow: ticketRowEncoder(store),
  }
  const sink = options.sink ?? batchSink(store)
  // Tickets of the batch being read: handed to the sink a part at a time, counted per batch.
  let part: TicketToWrite[] = []
  let inBatch = 0
  let line = file?.previous?.line ?? 0
  let offset = file?.previous?.byteOffset ?? 0
  let imported = 0
  let rejected = 0
  const reject = (entry: RejectedLine) => {
    rejected++
    options.onRejected(entry)
  }
  // The batch being committed while the next one is read: at most one at a time.
  let committing: Promise<void> | undefined
  const handOver = () => {
    if (part.length > 0) {
      sink.add(part)
      part = []
    }
  }
  const commit = async (done: boolean) => {
    handOver()
    const count = inBatch
    inBatch = 0
    await committing
    if (count === 0 && !file) {
      return
    }
    const totals = { line, imported: imported + count, rejected }
    const progress: ImportProgress | undefined = file && {
      fileKey: file.key,
      path: file.path,
      line,
      byteOffset: offset,
      imported: (file.previous?.imported ?? 0) + totals.imported,
      rejected: (file.previous?.rejected ?? 0) + rejected,
      // Every line this batch covers has been reported before it commits.
      reportBytes: file.reportBytes(),
      done,
    }
    imported = totals.imported
    committing = sink.commit({ progress, at: options.now().toISOString() }).then((tags) => {
      for (const tag of tags) {
        rememberTag(context.tags, tag)
      }
      options.onCommitted?.(totals)
    })
    // A failed commit is thrown where the next batch (or the end) waits for it.
    committing.catch(() => {})
  }
  for await (const source of lines) {
    line = source.number
    offset = source.end
    if (source.text.trim() === '') {
      continue
    }
    try {
      if (!source.utf8) {
        throw new ApiError('BAD_REQUEST', 'The line is not valid UTF-8; nothing was stored.')
      }
      part.push(await prepareLine(source.text, options.now(), context))
      inBatch++
    } catch (error) {
      if (error instanceof ApiError) {
        const { errors } = error
        reject({ line: line, problem: error.message, ...(errors.length ? { errors } : {}) })
      } else if (error instanceof SyntaxError) {
        reject({ line: line, problem: `Not JSON: ${error.message}` })
      } else {
        throw error
      }
    }
    if (inBatch >= options.batchSize) {
      await commit(false)
    } else if (part.length >= partSize) {
      handOver()
    }
  }
  await commit(!options.interrupted?.())
  await committing
  return { lines: line, imported, rejected }
}

/**
 * Tickets handed to the sink at a time. A batch's rows held until it ends (thousands of them)
 * outlived the young generation's collections and were copied into the old one; a part this
 * size is read in a few milliseconds and leaves this thread while its rows are still young.
 */
const partSize = 250

// No automatic assignment in an import (docs/decisions.md): OwnedBy resolves as the others do.
const importedCarriers = [...carriersBeforeOwner, 'OwnedBy' as const]

interface LineContext {
  /** A new ticket's defaults, and its storage-only properties as null until a line sets them. */
  base: Record<string, unknown>
  declared: Awaited<ReturnType<typeof customFieldInfos>>
  reader: ReferenceReader
  caller: Caller
  /** Every tag: the database's at the start, and those the committed batches created. */
  tags: KnownTags
  encodeRow(row: unknown[]): unknown[]
}

async function prepareLine(text: string, at: Date, context: LineContext): Promise<TicketToWrite> {
  const { base, declared, reader, tags } = context
  const input = parseTicketLine(text)
  const errors: FieldError[] = []
  checkCustomFields(input.CustomFields ?? {}, declared, true, errors)
  const next: Record<string, unknown> = { ...base }
  copySentProperties(input, next)
  requireTitle(next, errors)
  await resolveCarriers(input, next, reader, errors, importedCarriers)
  await applyStatus(input, null, next, reader, at, errors)
  const persons = input.SecondaryPersons
    ? await resolveSecondaryPersons(input.SecondaryPersons, reader, errors)
    : []
  // As a save resolves them: by Id, else by Name; a new name is created with the batch.
  const sentTags = input.Tags as Partial<Tag>[] | undefined
  const known = sentTags?.map(
    (t) =>
      (t.Id && t.Id > 0 ? tags.byId.get(t.Id) : undefined) ?? tags.byKey.get(tagKey(t.Name ?? ''))
  )
  const allKnown = known?.every((t) => t !== undefined)
  for (const [index, tag] of (sentTags ?? []).entries()) {
    if (!known?.[index] && !tag.Name?.trim()) {
      errors.push(unresolvedTag(index, tag))
    }
  }
  if (errors.length > 0) {
    throw new ApiError('VALIDATION', `${errors.length} invalid field(s) in the ticket.`, { errors })
  }
  const timestamp = at.toISOString()
  await stampSave({
    next,
    input,
    previous: undefined,
    caller: context.caller,
    timestamp,
    rulesOf: reader.priorityRules,
  })
  next.Revision = 1
  next.DeletedAt = null
  return {
    row: context.encodeRow(newTicketRow(next)),
    tags: allKnown ? dedupe(known as Tag[]) : undefined,
    sentTags: allKnown ? undefined : sentTags,
    personIds: persons.map((p) => p.PersonId),
  }
}

const dedupe = (tags: Tag[]) => [...new Map(tags.map((t) => [t.Id, t])).values()]
