import type { Person, Tag, TicketEntity } from '@ticket/schema'
import { assignOwner } from '../assignment/assign-owner.ts'
import type { Caller } from '../auth/caller.ts'
import { checkCustomFields } from '../custom-fields/check-custom-fields.ts'
import { ticketsProjection } from '../db/projection.gen.ts'
import { propertiesToRow } from '../db/projection-map.ts'
import { reserveId } from '../db/reserve-id.ts'
import type { Db } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { ApiError, type FieldError } from '../http/api-error.ts'
import type { ServiceDeps } from '../modules/service-module.ts'
import { applyStatus } from './apply-status.ts'
import { changedColumns, sameIds } from './changed-columns.ts'
import { defaultTicket } from './default-ticket.ts'
import { composeTicket, loadTicketForUpdate } from './load-ticket.ts'
import type { ReferenceReader } from './reference-reader.ts'
import { AUTO_ASSIGN, resolveCarriers, sentCarrierId } from './resolve-carriers.ts'
import { resolveSecondaryPersons } from './resolve-persons.ts'
import { resolveTags, TagPresumedAbsentExists, writeTicketTags } from './resolve-tags.ts'
import { carriersBeforeOwner, copySentProperties, requireTitle, stampSave } from './sent-ticket.ts'
import { actedBy, type TicketChange } from './ticket-change.ts'
import type { TicketRow } from './ticket-rows.ts'
import { writeSecondaryPersons } from './write-links.ts'
import { insertTicket, updateTicket } from './write-ticket-row.ts'

export interface SaveTicketRequest {
  /** The canonicalised, validated body: read-only and unknown properties already dropped. */
  input: Partial<TicketEntity>
  /** The id of the route (`PUT /Ticket/{id}`); otherwise `input.TicketId` decides. */
  id?: number
  notify: boolean
  /** Optimistic concurrency: the revision the caller based its change on (ETag, PATCH). */
  expectedRevision?: number
  /** Runs last inside the save's transaction with the saved ticket (an Idempotency-Key's answer). */
  beforeCommit?: (tx: Db, saved: TicketEntity) => Promise<void>
}

const writtenColumns = {
  ...ticketsProjection,
  columns: Object.fromEntries(
    Object.entries(ticketsProjection.columns).filter(([property]) => property !== 'TicketId')
  ),
}

/**
 * The one save path behind `POST /Ticket`, `PUT /Ticket/{id}`, `PATCH` and the agent saves:
 * creates or updates in one transaction together with what the modules write (outbox rows,
 * webhook deliveries), then lets the modules act after commit.
 */
export async function saveTicket(
  deps: ServiceDeps,
  caller: Caller,
  request: SaveTicketRequest
): Promise<TicketEntity> {
  const attempt = (presumeTags: boolean) =>
    deps.store.transaction(async (tx) => {
      const saved = await saveTicketInTransaction(deps, tx, caller, request, presumeTags)
      await request.beforeCommit?.(tx, saved.after)
      return saved
    })
  // A tag presumed absent that exists after all rolled the first attempt back: once more, reading.
  const change = await attempt(true).catch((error: unknown) => {
    if (error instanceof TagPresumedAbsentExists) {
      return attempt(false)
    }
    throw error
  })
  deps.catalog.learnTags(change.after.Tags)
  for (const module of deps.modules) {
    module.afterCommit?.(change)
  }
  return change.after
}

/**
 * The save inside a transaction the caller owns (a merge saves several tickets in one): the
 * ticket and what the modules write with it. The caller runs the modules' `afterCommit` once
 * the transaction has committed. `presumeTags` lets tags be resolved without a read that a
 * check at commit backs (see `resolveTags`); only a caller that saves again on
 * `TagPresumedAbsentExists` may pass it.
 */
export async function saveTicketInTransaction(
  deps: ServiceDeps,
  tx: Db,
  caller: Caller,
  request: SaveTicketRequest,
  presumeTags = false
): Promise<TicketChange> {
  const { input } = request
  const id = request.id ?? (input.TicketId && input.TicketId > 0 ? input.TicketId : undefined)
  const at = deps.now()
  const reader = deps.catalog.readerFor(tx)
  const tables = tablesOf(deps.store.db)
  const previous = id
    ? await loadTicketForUpdate(deps.store.dialect, tx, tables, reader, id)
    : undefined
  if (id && !previous) {
    throw new ApiError('NOT_FOUND', `Ticket ${id} does not exist.`)
  }
  if (
    previous &&
    request.expectedRevision !== undefined &&
    previous.row.revision !== request.expectedRevision
  ) {
    throw new ApiError(
      'PRECONDITION_FAILED',
      `Ticket ${id} has changed since revision ${request.expectedRevision}.`
    )
  }
  // Asked for now, so that the id travels with whatever the save sends first.
  const reservedId = previous ? undefined : reserveId(tx, 'tickets')
  const errors: FieldError[] = []
  // A change starts from a copy of the stored version (kept as `before`); a new ticket from its
  // defaults, made for this save alone.
  const next: Record<string, unknown> = previous
    ? { ...previous.entity }
    : await defaultTicket(reader, caller)
  copySentProperties(input, next)
  if (!previous) {
    requireTitle(next, errors)
  }
  await resolveCarriers(input, next, reader, errors, carriersBeforeOwner)
  await resolveOwner(tx, reader, input, next, errors)
  await applyStatus(input, previous?.entity ?? null, next, reader, at, errors)
  const tags =
    input.Tags !== undefined
      ? await resolveTags(tx, tables, input.Tags, errors, await reader.knownTags(), presumeTags)
      : undefined
  const persons =
    input.SecondaryPersons !== undefined
      ? await resolveSecondaryPersons(input.SecondaryPersons, reader, errors)
      : undefined
  if (input.CustomFields !== undefined || !previous) {
    checkCustomFields(input.CustomFields ?? {}, await reader.customFields(), !previous, errors)
  }
  if (errors.length > 0) {
    throw new ApiError('VALIDATION', `${errors.length} invalid field(s) in the ticket.`, {
      errors,
    })
  }
  const timestamp = at.toISOString()
  await stampSave({
    next,
    input,
    previous: previous && {
      entity: previous.entity,
      statusChangedAt: previous.row.statusChangedAt,
    },
    caller,
    timestamp,
    rulesOf: reader.priorityRules,
  })
  // The columns a save writes: every one but the id, in the projection's order.
  const values = propertiesToRow(writtenColumns, next)
  const revision = (previous?.row.revision ?? 0) + 1
  values.revision = revision
  values.deletedAt = null
  const ticketId = previous
    ? previous.row.ticketId
    : await insertTicket(tx, deps.store, values, reservedId)
  if (previous) {
    await updateTicket(tx, ticketId, values)
  }
  const columns = changedColumns(previous?.row, values)
  // A new ticket has no link rows yet: only a change replaces (deletes) them.
  const replace = previous !== undefined
  if (tags && !sameIds(tagIds(previous?.entity.Tags), tagIds(tags))) {
    await writeTicketTags(tx, tables, ticketId, tags, replace)
    columns.push('tags')
  }
  if (persons && !sameIds(personIds(previous?.entity.SecondaryPersons), personIds(persons))) {
    await writeSecondaryPersons(tx, tables, ticketId, persons, replace)
    columns.push('secondary_persons')
  }
  // The answer is built from what was written, not read back.
  values.ticketId = ticketId
  const saved = values as TicketRow
  const ticketChange: TicketChange = {
    kind: previous ? 'changed' : 'created',
    ticketId,
    before: previous?.entity ?? null,
    after: await composeTicket(reader, saved, {
      tags: tags ?? previous?.entity.Tags ?? [],
      persons: persons ?? previous?.entity.SecondaryPersons ?? [],
      messages: previous?.entity.Messages ?? [],
    }),
    ...actedBy(caller),
    notify: request.notify,
    at: timestamp,
    revision,
    changedColumns: columns,
  }
  for (const module of deps.modules) {
    await module.inTransaction?.(tx, ticketChange, reader)
  }
  return ticketChange
}

async function resolveOwner(
  tx: Db,
  reader: ReferenceReader,
  input: Partial<TicketEntity>,
  next: Record<string, unknown>,
  errors: FieldError[]
) {
  const sent = sentCarrierId(input, 'OwnedBy')
  if (sent !== AUTO_ASSIGN) {
    await resolveCarriers(input, next, reader, errors, ['OwnedBy'])
    return
  }
  const category = next.Category as { TicketCategoryId: number } | null
  const person = next.Person as { PersonId: number } | null
  const owner = await assignOwner(tx, {
    categoryId: category?.TicketCategoryId ?? null,
    personId: person?.PersonId ?? null,
  })
  next.OwnedBy = owner ? ((await reader.associate(owner)) ?? null) : null
}

const tagIds = (tags: Tag[] | undefined) => (tags ?? []).map((t) => t.Id)
const personIds = (persons: Person[] | undefined) => (persons ?? []).map((p) => p.PersonId)
