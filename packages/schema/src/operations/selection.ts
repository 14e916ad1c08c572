import { type TNull, type TObject, type TSchema, type TUnion, Type } from '@sinclair/typebox'
import { TicketEntity } from '../entities/ticket-entity.ts'
import { TicketEntityWithLinks } from '../entities/ticket-entity-with-links.ts'

type Selected<T extends TObject> = TObject<{
  [K in keyof T['properties']]: TUnion<[T['properties'][K], TNull]>
}>

/**
 * What a read with `$select` answers: the entity's properties, each nullable, because the ones
 * not selected come back as `null`.
 */
function selectionOf<T extends TObject>(entity: T, id: string): Selected<T> {
  const properties: Record<string, TSchema> = {}
  for (const [name, property] of Object.entries(entity.properties)) {
    properties[name] = Type.Union([property, Type.Null()])
  }
  return Type.Object(properties, {
    $id: id,
    description: `${entity.$id} read with \`$select\`: the properties not selected are null.`,
  }) as unknown as Selected<T>
}

export const TicketEntitySelection = selectionOf(TicketEntity, 'TicketEntitySelection')
export const TicketEntityWithLinksSelection = selectionOf(
  TicketEntityWithLinks,
  'TicketEntityWithLinksSelection'
)

/** The answer of a read that takes `$select`: the whole entity, or its selection. */
export const selectable = <T extends TSchema, S extends TSchema>(whole: T, selection: S) =>
  Type.Union([whole, selection], {
    description: 'The entity; with `$select`, the properties not selected are null.',
  })
