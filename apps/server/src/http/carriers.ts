import { type TSchema, Type } from '@sinclair/typebox'
import * as model from '@ticket/schema'

const isSchema = (value: unknown): value is TSchema =>
  typeof value === 'object' && value !== null && typeof (value as TSchema).$id === 'string'

// Built once from the model's exports: every schema with an `$id` is a carrier by that name.
const byName = new Map<string, TSchema>()
for (const value of Object.values(model)) {
  if (isSchema(value)) {
    byName.set(value.$id as string, value)
  }
}

/**
 * The schema a carrier name stands for: a model `$id` (`TicketEntity`), or `ArrayOf<Item>` for a
 * list of them, as .NET names list roots. Unknown names have no schema (the value is written as
 * it is).
 * @example carrierSchema('ArrayOfTicket') // Type.Array(Ticket)
 */
export function carrierSchema(name: string): TSchema | undefined {
  const direct = byName.get(name)
  if (direct) {
    return direct
  }
  const item = name.startsWith('ArrayOf') ? byName.get(name.slice('ArrayOf'.length)) : undefined
  if (!item) {
    return undefined
  }
  const list = Type.Array(item)
  byName.set(name, list)
  return list
}
