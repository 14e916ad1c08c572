import type {
  Associate,
  Person,
  Project,
  Sale,
  TicketCategoryEntity,
  TicketPriorityEntity,
  TicketStatusEntity,
  TicketType,
} from '@ticket/schema'

/** What the ticket code needs from reference data: full carriers by id. */
export interface ReferenceReader {
  associate(id: number): Promise<Associate | undefined>
  category(id: number): Promise<TicketCategoryEntity | undefined>
  priority(id: number): Promise<TicketPriorityEntity | undefined>
  status(id: number): Promise<TicketStatusEntity | undefined>
  person(id: number): Promise<Person | undefined>
  sale(id: number): Promise<Sale | undefined>
  project(id: number): Promise<Project | undefined>
  ticketType(id: number): Promise<TicketType | undefined>
  /** Ids of the defaults for a new ticket (null when the tenant has none). */
  defaults(): Promise<ReferenceDefaults>
  /** The default status of a base status (Active → "Open"), or null. */
  defaultStatusFor(baseStatus: string): Promise<number | null>
}

export interface ReferenceDefaults {
  priorityId: number | null
  statusId: number | null
  categoryId: number | null
  ticketTypeId: number | null
}

/** TicketEntity carrier properties and the reader that fills each. */
export const carrierReaders = {
  CreatedBy: 'associate',
  OwnedBy: 'associate',
  Category: 'category',
  Priority: 'priority',
  Status: 'status',
  Person: 'person',
  Sale: 'sale',
  Project: 'project',
  TicketType: 'ticketType',
} as const satisfies Record<string, keyof ReferenceReader>

export type CarrierProperty = keyof typeof carrierReaders
