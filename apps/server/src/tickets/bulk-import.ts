import type { Person, Tag, TicketEntity } from '@ticket/schema'
import { TicketEntity as TicketEntitySchema } from '@ticket/schema'
import type { Caller } from '../auth/caller.ts'
import { checkCustomFields } from '../custom-fields/check-custom-fields.ts'
import { customFieldInfos } from '../custom-fields/custom-field-rows.ts'
import { ticketsProjection } from '../db/projection.gen.ts'
import { propertiesToRow } from '../db/projection-map.ts'
import type { Db, Store } from '../db/store.ts'
import { ApiError, type FieldError } from '../http/api-error.ts'
import { compileBodyParser } from '../input/parse-body.ts'
import type { Catalog } from '../reference/catalog.ts'
import { applyStatus } from './apply-status.ts'
import { defaultTicket } from './default-ticket.ts'
import type { ReferenceReader } from './reference-reader.ts'
import { resolveCarriers } from './resolve-carriers.ts'
import { resolveSecondaryPersons } from './resolve-persons.ts'
import { resolveTags } from './resolve-tags.ts'
import { carriersBeforeOwner, notCopied } from './save-ticket.ts'

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
  /** Lines up to this number are already imported (a resumed run). */
  skipThrough: number
  onRejected(rejected: RejectedLine): void
  /** After each committed batch: the last line it covers and the running totals. */
  onCommitted(progress: { line: number; imported: number; rejected: number }): Promise<void> | void
}

interface Prepared {
  line: number
  row: Record<string, unknown>
  tags: Tag[] | undefined
  sentTags: Partial<Tag>[] | undefined
  persons: Person[]
}

const parseTicket = compileBodyParser(TicketEntitySchema)
// Rows per multi-row INSERT: SQLite binds at most 32,766 parameters in one statement.
const rowsPerInsert = 500

/**
 * Imports TicketEntity JSON lines as new tickets: each line is validated and resolved like a
 * create (carriers from reference data, status rules, tags by id or name), then written in
 * transactions of `batchSize` tickets with multi-row inserts. A line that fails is reported and
 * skipped; it never stops the run. Modules (notifications, webhooks) are not run: an import is a
 * data load, not a stream of user saves.
 */
export async function bulkImport(lines: AsyncIterable<string>, options: BulkImportOptions) {
  const reader = options.catalog.readerFor(options.store.reader)
  const base = await defaultTicket(reader, options.caller)
  const declared = await customFieldInfos(options.store.reader, options.store.tables)
  const tagsByKey = new Map<string, Tag>()
  const tagsById = new Map<number, Tag>()
  for (const tag of await options.store.reader.select().from(options.store.tables.tags)) {
    const known = { Id: tag.id, Name: tag.name, ToolTip: tag.toolTip }
    tagsByKey.set(tag.nameKey, known)
    tagsById.set(tag.id, known)
  }
  let batch: Prepared[] = []
  let lineNumber = 0
  let imported = 0
  let rejected = 0
  const reject = (entry: RejectedLine) => {
    rejected++
    options.onRejected(entry)
  }
  const flush = async () => {
    if (batch.length === 0) {
      await options.onCommitted({ line: lineNumber, imported, rejected })
      return
    }
    const written = batch
    batch = []
    await options.store.transaction((tx) => writeBatch(tx, options.store, written))
    for (const item of written) {
      for (const tag of item.tags ?? []) {
        tagsByKey.set(tag.Name.trim().toLowerCase(), tag)
        tagsById.set(tag.Id, tag)
      }
    }
    imported += written.length
    await options.onCommitted({ line: lineNumber, imported, rejected })
  }
  for await (const text of lines) {
    lineNumber++
    if (lineNumber <= options.skipThrough || text.trim() === '') {
      continue
    }
    const at = options.now()
    try {
      const prepared = await prepareLine(text, lineNumber, {
        base,
        declared,
        reader,
        at,
        tagsByKey,
        tagsById,
      })
      batch.push(prepared)
    } catch (error) {
      if (error instanceof ApiError) {
        const { errors } = error
        reject({ line: lineNumber, problem: error.message, ...(errors.length ? { errors } : {}) })
      } else if (error instanceof SyntaxError) {
        reject({ line: lineNumber, problem: `Not JSON: ${error.message}` })
      } else {
        throw error
      }
    }
    if (batch.length >= options.batchSize) {
      await flush()
    }
  }
  await flush()
  return { lines: lineNumber, imported, rejected }
}

interface LineContext {
  base: TicketEntity
  declared: Awaited<ReturnType<typeof customFieldInfos>>
  reader: ReferenceReader
  at: Date
  tagsByKey: Map<string, Tag>
  tagsById: Map<number, Tag>
}

async function prepareLine(text: string, line: number, context: LineContext): Promise<Prepared> {
  const { base, declared, reader, at, tagsByKey, tagsById } = context
  const input = parseTicket(JSON.parse(text)) as Partial<TicketEntity>
  const errors: FieldError[] = []
  checkCustomFields(input.CustomFields ?? {}, declared, true, errors)
  const next: Record<string, unknown> = { ...base }
  for (const [property, value] of Object.entries(input)) {
    if (!notCopied.has(property)) {
      next[property] = value
    }
  }
  await resolveCarriers(input, next, reader, errors, [...carriersBeforeOwner, 'OwnedBy'])
  await applyStatus(input, null, next, reader, at, errors)
  const persons = input.SecondaryPersons
    ? await resolveSecondaryPersons(input.SecondaryPersons, reader, errors)
    : []
  // Tags already known resolve here; a line with a new tag name resolves in its batch.
  const sentTags = input.Tags as Partial<Tag>[] | undefined
  // As a save resolves them: by Id, else by Name; a new name is created with the batch.
  const known = sentTags?.map(
    (t) =>
      (t.Id && t.Id > 0 ? tagsById.get(t.Id) : undefined) ??
      tagsByKey.get(t.Name?.trim().toLowerCase() ?? '')
  )
  const allKnown = known?.every((t) => t !== undefined)
  for (const [index, tag] of (sentTags ?? []).entries()) {
    if (!known?.[index] && !tag.Name?.trim()) {
      errors.push({
        path: `/Tags/${index}`,
        message: tag.Id ? `There is no tag with id ${tag.Id}.` : 'A tag needs an Id or a Name.',
        code: tag.Id ? 'unknown_reference' : 'required',
      })
    }
  }
  if (errors.length > 0) {
    throw new ApiError('VALIDATION', `${errors.length} invalid field(s) in the ticket.`, { errors })
  }
  const timestamp = at.toISOString()
  next.CreatedAt = input.CreatedAt ?? timestamp
  next.LastChanged = input.LastChanged ?? timestamp
  const row = { ...propertiesToRow(ticketsProjection, next), revision: 1, deletedAt: null }
  delete (row as { ticketId?: number }).ticketId
  return {
    line,
    row,
    tags: allKnown ? dedupe(known as Tag[]) : undefined,
    sentTags: allKnown ? undefined : sentTags,
    persons,
  }
}

const dedupe = (tags: Tag[]) => [...new Map(tags.map((t) => [t.Id, t])).values()]

async function writeBatch(tx: Db, store: Store, items: Prepared[]) {
  const { tables } = store
  for (const item of items) {
    if (item.sentTags) {
      // Every sent tag was checked in prepareLine: unknown names are created here, nothing fails.
      item.tags = await resolveTags(tx, tables, item.sentTags, [])
    }
  }
  const ids: number[] = []
  for (let i = 0; i < items.length; i += rowsPerInsert) {
    const chunk = items.slice(i, i + rowsPerInsert)
    // RETURNING lists the rows of a multi-row VALUES insert in the order given, on both dialects.
    const inserted = await tx
      .insert(tables.tickets)
      .values(chunk.map((item) => item.row as typeof tables.tickets.$inferInsert))
      .returning({ ticketId: tables.tickets.ticketId })
    ids.push(...inserted.map((r) => r.ticketId))
  }
  const tagRows = items.flatMap((item, i) =>
    (item.tags ?? []).map((tag, position) => ({ ticketId: ids[i] ?? 0, tagId: tag.Id, position }))
  )
  const personRows = items.flatMap((item, i) =>
    item.persons.map((p, position) => ({ ticketId: ids[i] ?? 0, personId: p.PersonId, position }))
  )
  for (let i = 0; i < tagRows.length; i += rowsPerInsert * 4) {
    await tx.insert(tables.ticketTags).values(tagRows.slice(i, i + rowsPerInsert * 4))
  }
  for (let i = 0; i < personRows.length; i += rowsPerInsert * 4) {
    await tx
      .insert(tables.ticketSecondaryPersons)
      .values(personRows.slice(i, i + rowsPerInsert * 4))
  }
}
