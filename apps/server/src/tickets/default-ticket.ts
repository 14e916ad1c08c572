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
  return {
    ...blankTicketEntity(),
    Priority: orNull(priority),
    Status: orNull(status),
    BaseStatus: status?.Status ?? 'Active',
    Category: orNull(category),
    TicketType: orNull(ticketType),
    CreatedBy: orNull(createdBy),
    Author: caller.fullName,
    Slevel: 'Internal',
    Origin: 'Internal',
  }
}
