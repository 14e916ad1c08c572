import type { TicketEntity } from '@ticket/schema'
import { ticketsProjection } from '../db/projection.gen.ts'
import type { FieldError } from '../http/api-error.ts'
import { type CarrierProperty, carrierReaders, type ReferenceReader } from './reference-reader.ts'

/** `OwnedBy.AssociateId` that asks for assignment by the category's rules. */
export const AUTO_ASSIGN = 2147483647

const labels: Record<CarrierProperty, string> = {
  CreatedBy: 'associate',
  OwnedBy: 'associate',
  Category: 'category',
  Priority: 'priority',
  Status: 'status',
  Person: 'person',
  Sale: 'sale',
  Project: 'project',
  TicketType: 'ticket type',
}

export const carrierKeyOf = (property: CarrierProperty): string =>
  ticketsProjection.references[property].carrierKey

/** The id a client sent for a carrier: `undefined` = not sent, `null` = cleared (null or id 0). */
export function sentCarrierId(
  input: Partial<TicketEntity>,
  property: CarrierProperty
): number | null | undefined {
  if (!(property in input)) {
    return undefined
  }
  const carrier = input[property] as Record<string, unknown> | null | undefined
  if (carrier === null || carrier === undefined) {
    return null
  }
  const id = carrier[carrierKeyOf(property)]
  if (id === undefined) {
    return undefined
  }
  return typeof id === 'number' && id !== 0 ? id : null
}

/**
 * Replaces each carrier the client sent with the full carrier from reference data. A reference
 * that does not exist is an error at the pointer of its id field.
 */
export async function resolveCarriers(
  input: Partial<TicketEntity>,
  next: Record<string, unknown>,
  reader: ReferenceReader,
  errors: FieldError[],
  properties: CarrierProperty[]
): Promise<void> {
  await Promise.all(
    properties.map(async (property) => {
      const id = sentCarrierId(input, property)
      if (id === undefined) {
        return
      }
      if (id === null) {
        next[property] = null
        return
      }
      const carrier = await reader[carrierReaders[property]](id)
      if (!carrier) {
        errors.push({
          path: `/${property}/${carrierKeyOf(property)}`,
          message: `There is no ${labels[property]} with id ${id}.`,
          code: 'unknown_reference',
        })
        return
      }
      next[property] = carrier
    })
  )
}
