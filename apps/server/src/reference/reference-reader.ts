import type { Db } from '../db/store.ts'
import type { ReferenceReader } from '../tickets/reference-reader.ts'
import type { CarrierKind, Carriers } from './carrier-kinds.ts'
import { defaultStatusFor, defaults } from './defaults.ts'
import { loadCarriers } from './load-carriers.ts'

/** Many carriers of one kind by id, in one query; missing ids are absent from the map. */
type Batch<K extends CarrierKind> = (ids: Iterable<number>) => Promise<Map<number, Carriers[K]>>

export interface BatchReader {
  associates: Batch<'associate'>
  categories: Batch<'category'>
  priorities: Batch<'priority'>
  statuses: Batch<'status'>
  persons: Batch<'person'>
  sales: Batch<'sale'>
  projects: Batch<'project'>
  ticketTypes: Batch<'ticketType'>
}

/**
 * Reads reference data as full wire carriers (nested carriers filled, rights left to the caller,
 * multi-language names as stored). Works on a store's `db` or inside a transaction.
 * @example const owner = await createReferenceReader(store.db).associate(5)
 */
export function createReferenceReader(db: Db): ReferenceReader & BatchReader {
  const one =
    <K extends CarrierKind>(kind: K) =>
    async (id: number): Promise<Carriers[K] | undefined> =>
      (await loadCarriers(db, kind, [id])).get(id)
  const many =
    <K extends CarrierKind>(kind: K): Batch<K> =>
    (ids) =>
      loadCarriers(db, kind, ids)
  return {
    associate: one('associate'),
    category: one('category'),
    priority: one('priority'),
    status: one('status'),
    person: one('person'),
    sale: one('sale'),
    project: one('project'),
    ticketType: one('ticketType'),
    associates: many('associate'),
    categories: many('category'),
    priorities: many('priority'),
    statuses: many('status'),
    persons: many('person'),
    sales: many('sale'),
    projects: many('project'),
    ticketTypes: many('ticketType'),
    defaults: () => defaults(db),
    defaultStatusFor: (baseStatus) => defaultStatusFor(db, baseStatus),
  }
}
