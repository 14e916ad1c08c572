import type { TicketEntity } from '@ticket/schema'
import type { Caller } from '../auth/caller.ts'
import { blankTicketEntity } from './blank-entity.ts'
import type { ReferenceReader } from './reference-reader.ts'

/** `GET /Ticket/default`: a new ticket filled from reference-data defaults, created by the caller. */
export async function defaultTicket(
  reader: ReferenceReader,
  caller: Caller
): Promise<TicketEntity> {
  const ids = await reader.defaults()
  const orNull = <T>(value: T | undefined) => value ?? null
  const [priority, status, category, ticketType, createdBy] = await Promise.all([
    ids.priorityId ? reader.priority(ids.priorityId) : undefined,
    ids.statusId ? reader.status(ids.statusId) : undefined,
    ids.categoryId ? reader.category(ids.categoryId) : undefined,
    ids.ticketTypeId ? reader.ticketType(ids.ticketTypeId) : undefined,
    reader.associate(caller.associateId),
  ])
  // The blank entity is new for every call: filled in place (its key order stays), not copied.
  const entity = blankTicketEntity()
  entity.Priority = orNull(priority)
  entity.Status = orNull(status)
  entity.BaseStatus = status?.Status ?? 'Active'
  entity.Category = orNull(category)
  entity.TicketType = orNull(ticketType)
  entity.CreatedBy = orNull(createdBy)
  entity.Author = caller.fullName
  entity.Slevel = 'Internal'
  entity.Origin = 'Internal'
  return entity
}
