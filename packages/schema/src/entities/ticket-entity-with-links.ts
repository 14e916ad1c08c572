import { type Static, Type } from '@sinclair/typebox'
import { SKIP, Text, withDb } from '../common/types.ts'
import responseSample from './fixtures/post-ticket-response-sample.json' with { type: 'json' }
import { TicketEntity } from './ticket-entity.ts'

/** `_Links` of an entity read: where the entity and its archive live. */
export const EntityLinks = Type.Object(
  {
    Self: Text('URL of this entity, e.g. https://host/api/v1/Ticket/123', 2000),
    Archive: Text('URL of the archive (list) this entity belongs to', 2000),
  },
  { description: 'Links to the entity and its archive.' }
)
export type EntityLinks = Static<typeof EntityLinks>

/**
 * What `GET /api/v1/Ticket/{id}` and `PATCH` return: the TicketEntity plus `_Links`.
 * @example { TicketId: 123, Title: 'Printer on fire', _Links: { Self: '…/Ticket/123', Archive: '…/Ticket' } }
 */
export const TicketEntityWithLinks = Type.Object(
  {
    ...TicketEntity.properties,
    _Links: withDb(
      Type.Object(EntityLinks.properties, {
        description: 'Links to this ticket and the Ticket archive.',
      }),
      SKIP
    ),
  },
  {
    $id: 'TicketEntityWithLinks',
    description: 'A TicketEntity with links.',
    // It is the entity, read: its XML root element names the entity, as SuperOffice's does.
    xml: { name: 'TicketEntity' },
    // The reference sample of a saved ticket, as a read returns it: the example /docs shows.
    examples: [
      {
        ...responseSample,
        _Links: {
          Self: `http://127.0.0.1:8787/api/v1/Ticket/${responseSample.TicketId}`,
          Archive: 'http://127.0.0.1:8787/api/v1/Ticket',
        },
      },
    ],
  }
)
export type TicketEntityWithLinks = Static<typeof TicketEntityWithLinks>
