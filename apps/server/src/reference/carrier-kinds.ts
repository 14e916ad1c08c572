import type { Static, TObject } from '@sinclair/typebox'
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
export const carrierKinds = {
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
} satisfies Record<string, CarrierKindSpec>

/** Every kind of reference data, named once above. */
export type CarrierKind = keyof typeof carrierKinds

/** The wire carrier of each kind, as its schema says. */
export type Carriers = { [K in CarrierKind]: Static<(typeof carrierKinds)[K]['schema']> }

export const carrierKindNames = Object.keys(carrierKinds) as CarrierKind[]

/** The kind whose rows live in a table (by its Drizzle export name), for nested carriers. */
export function kindOfTable(table: string): CarrierKind | undefined {
  return carrierKindNames.find((kind) => carrierKinds[kind].projection.table === table)
}
