import type { Person, Tag, TicketEntity, TicketMessage } from '@ticket/schema'
import { ticketsProjection } from '../db/projection.gen.ts'
import { referenceIds } from '../db/projection-map.ts'
import type { Db, Store, Tables } from '../db/store.ts'
import { readLater } from '../db/write-later.ts'
import { messageSummaries } from '../messages/message-rows.ts'
import { blankTicketEntity } from './blank-entity.ts'
import { iconHintOf } from './icon-hint.ts'
import { type CarrierProperty, carrierReaders, type ReferenceReader } from './reference-reader.ts'
import {
  findTicketRow,
  loadSecondaryPersonIds,
  loadTags,
  lockTicketRow,
  type TicketRow,
  writeTicketScalars,
} from './ticket-rows.ts'

export interface LoadedTicket {
  entity: TicketEntity
  row: TicketRow
}

/** How a ticket is loaded: every read reads its list of messages (`Messages`). */
export interface LoadOptions {
  /**
   * False leaves `Messages` empty: a change that is about one message (adding or editing it)
   * neither needs nor reports the list, and reading it made each new message on a long ticket
   * cost as much as every message before it.
   */
  messages?: boolean
  /**
   * Called in `loadTicketForUpdate` once the row's lock is asked for and before the row is
   * read: a statement it holds back (`readLater`) goes with the read, under the lock.
   */
  underLock?: (tx: Db) => void
}

/** A ticket as every read returns it (before rights and response options), or undefined. */
export async function loadTicket(
  db: Db,
  tables: Tables,
  reader: ReferenceReader,
  id: number,
  options: LoadOptions = {}
): Promise<LoadedTicket | undefined> {
  const row = await findTicketRow(db, tables, id)
  if (!row) {
    return undefined
  }
  return { row, entity: await assembleTicket(db, tables, reader, row, options) }
}

/**
 * `loadTicket` in a transaction that is about to change the ticket. On PostgreSQL the row is
 * locked first (`lockTicketRow`), so transactions changing one ticket read it one after another:
 * under READ COMMITTED two saves based on one revision both passed the revision check, and two
 * messages each wrote counters missing the other. SQLite's one writer already runs them in turn.
 * The links are asked for before the row: where the transaction holds statements back
 * (PostgreSQL), the lock, the links and the row leave together and cost one round trip.
 */
export async function loadTicketForUpdate(
  dialect: Store['dialect'],
  tx: Db,
  tables: Tables,
  reader: ReferenceReader,
  id: number,
  options: LoadOptions = {}
): Promise<LoadedTicket | undefined> {
  if (dialect === 'pg') {
    await lockTicketRow(tx, tables, id)
  }
  options.underLock?.(tx)
  const links = linksLater(tx, tables, reader, id, options)
  const row = await findTicketRow(tx, tables, id)
  if (!row) {
    return undefined
  }
  return { row, entity: await composeTicket(reader, row, await links()) }
}

export async function assembleTicket(
  db: Db,
  tables: Tables,
  reader: ReferenceReader,
  row: TicketRow,
  options: LoadOptions = {}
): Promise<TicketEntity> {
  return composeTicket(reader, row, await linksLater(db, tables, reader, row.ticketId, options)())
}

/**
 * Asks for a ticket's links (`readLater`: held where `db` holds statements back, else read at
 * once) and gives a function that answers them.
 */
function linksLater(
  db: Db,
  tables: Tables,
  reader: ReferenceReader,
  ticketId: number,
  options: LoadOptions
): () => Promise<TicketLinks> {
  const tags = readLater(db, () => loadTags(db, tables, ticketId))
  const personIds = readLater(db, () => loadSecondaryPersonIds(db, tables, ticketId))
  const messages =
    options.messages === false
      ? undefined
      : readLater(db, () => messageSummaries(db, tables, reader, ticketId))
  return async () => {
    const [tagList, ids, messageList] = await Promise.all([
      tags(),
      personIds(),
      messages ? messages() : [],
    ])
    const persons = (await Promise.all(ids.map((id) => reader.person(id)))).filter(
      (p) => p !== undefined
    )
    return { tags: tagList, persons, messages: messageList }
  }
}

/** The linked arrays of a ticket, read from their tables or known from what a save wrote. */
export interface TicketLinks {
  tags: Tag[]
  persons: Person[]
  messages: TicketMessage[]
}

/** A ticket from its row and links; carriers come from reference data (memory, no query). */
export async function composeTicket(
  reader: ReferenceReader,
  row: TicketRow,
  links: TicketLinks
): Promise<TicketEntity> {
  // The blank entity is new for every call: filled in place, not copied again.
  const entity: Record<string, unknown> = blankTicketEntity()
  writeTicketScalars(entity, row)
  const ids = referenceIds(ticketsProjection, row)
  await Promise.all(
    (Object.keys(carrierReaders) as CarrierProperty[]).map(async (property) => {
      const id = ids[property]
      entity[property] = id ? ((await reader[carrierReaders[property]](id)) ?? null) : null
    })
  )
  entity.Tags = links.tags
  entity.SecondaryPersons = links.persons
  entity.Messages = links.messages
  const ticket = entity as TicketEntity
  ticket.IconHint = iconHintOf(ticket)
  return ticket
}
