import type { CarrierKind } from '../reference/carrier-kinds.ts'

export type { ReferenceReader } from '../reference/reference-reader.ts'

/** TicketEntity carrier properties and the kind of reference data that fills each. */
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
} as const satisfies Record<string, CarrierKind>

export type CarrierProperty = keyof typeof carrierReaders
