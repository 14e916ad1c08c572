import type { TicketEntity } from '@ticket/schema'
import { ticketsProjection } from '../db/projection.gen.ts'
import { referenceIds } from '../db/projection-map.ts'
import type { Db, Tables } from '../db/store.ts'
import { blankTicketEntity } from './blank-entity.ts'
import { type CarrierProperty, carrierReaders, type ReferenceReader } from './reference-reader.ts'
import {
  findTicketRow,
  loadMessages,
  loadSecondaryPersonIds,
  loadTags,
  type TicketRow,
  ticketScalars,
} from './ticket-rows.ts'

export interface LoadedTicket {
  entity: TicketEntity
  row: TicketRow
}

/** A ticket as every read returns it (before rights and response options), or undefined. */
export async function loadTicket(
  db: Db,
  tables: Tables,
  reader: ReferenceReader,
  id: number
): Promise<LoadedTicket | undefined> {
  const row = await findTicketRow(db, tables, id)
  if (!row) {
    return undefined
  }
  return { row, entity: await assembleTicket(db, tables, reader, row) }
}

export async function assembleTicket(
  db: Db,
  tables: Tables,
  reader: ReferenceReader,
  row: TicketRow
): Promise<TicketEntity> {
  const entity: Record<string, unknown> = { ...blankTicketEntity(), ...ticketScalars(row) }
  const ids = referenceIds(ticketsProjection, row)
  await Promise.all(
    (Object.keys(carrierReaders) as CarrierProperty[]).map(async (property) => {
      const id = ids[property]
      entity[property] = id ? ((await reader[carrierReaders[property]](id)) ?? null) : null
    })
  )
  const [tags, personIds, messages] = await Promise.all([
    loadTags(db, tables, row.ticketId),
    loadSecondaryPersonIds(db, tables, row.ticketId),
    loadMessages(db, tables, row.ticketId),
  ])
  entity.Tags = tags
  entity.SecondaryPersons = (await Promise.all(personIds.map((id) => reader.person(id)))).filter(
    (p) => p !== undefined
  )
  entity.Messages = messages
  return entity as TicketEntity
}
