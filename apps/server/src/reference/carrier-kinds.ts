import type { TObject } from '@sinclair/typebox'
import type { ColumnsProjection } from '@ticket/codegen'
import {
  Associate,
  Person,
  Project,
  Sale,
  TicketCategoryEntity,
  TicketPriorityEntity,
  TicketStatusEntity,
  TicketType,
} from '@ticket/schema'
import {
  associatesProjection,
  personsProjection,
  projectsProjection,
  salesProjection,
  ticketCategoriesProjection,
  ticketPrioritiesProjection,
  ticketStatusesProjection,
  ticketTypesProjection,
} from '../db/projection.gen.ts'

/** The wire carrier of each kind of reference data. */
export interface Carriers {
  associate: Associate
  category: TicketCategoryEntity
  priority: TicketPriorityEntity
  status: TicketStatusEntity
  person: Person
  sale: Sale
  project: Project
  ticketType: TicketType
}

export type CarrierKind = keyof Carriers

export interface CarrierKindSpec {
  schema: TObject
  projection: ColumnsProjection & {
    readonly table: string
    readonly primaryKey: readonly string[]
  }
  /** Carrier properties that are not stored but derived from the stored ones. */
  derive?: (carrier: Record<string, unknown>) => Record<string, unknown>
}

/** How each kind is stored: its schema (what to fill) and its generated projection (from where). */
export const carrierKinds: Record<CarrierKind, CarrierKindSpec> = {
  associate: {
    schema: Associate,
    projection: associatesProjection,
    // SuperOffice shows an associate's full name as its tooltip; it is not stored separately.
    derive: (carrier) => ({ Tooltip: carrier.FullName ?? '' }),
  },
  category: { schema: TicketCategoryEntity, projection: ticketCategoriesProjection },
  priority: { schema: TicketPriorityEntity, projection: ticketPrioritiesProjection },
  status: { schema: TicketStatusEntity, projection: ticketStatusesProjection },
  person: { schema: Person, projection: personsProjection },
  sale: { schema: Sale, projection: salesProjection },
  project: { schema: Project, projection: projectsProjection },
  ticketType: { schema: TicketType, projection: ticketTypesProjection },
}

/** The kind whose rows live in a table (by its Drizzle export name), for nested carriers. */
export function kindOfTable(table: string): CarrierKind | undefined {
  return (Object.keys(carrierKinds) as CarrierKind[]).find(
    (kind) => carrierKinds[kind].projection.table === table
  )
}
