import type { TicketCustomFieldInfo } from '@ticket/schema'
import { loadPriorityRules, type PriorityRules } from '../clocks/priority-rules.ts'
import { customFieldInfos } from '../custom-fields/custom-field-rows.ts'
import type { Db } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { type CarrierKind, type Carriers, carrierKindNames } from './carrier-kinds.ts'
import { loadCategoryMembers } from './category-members.ts'
import { type Contact, loadContacts } from './contacts.ts'
import { defaultStatusFor, defaults, type ReferenceDefaults } from './defaults.ts'
import { type KnownTags, loadKnownTags } from './known-tags.ts'
import { loadCarriers } from './load-carriers.ts'

/** One carrier of each kind by id (undefined when missing): one method per kind in `carrierKinds`. */
export type CarrierReaders = {
  [K in CarrierKind]: (id: number) => Promise<Carriers[K] | undefined>
}

/** Many carriers of one kind by id, in one query; missing ids are absent from the map. */
export type BatchReader = {
  [K in CarrierKind]: (ids: Iterable<number>) => Promise<Map<number, Carriers[K]>>
}

/** What the ticket code needs from reference data: full carriers by id, and the defaults. */
export interface ReferenceReader extends CarrierReaders {
  /** Ids of the defaults for a new ticket (null when the tenant has none). */
  defaults(): Promise<ReferenceDefaults>
  /** The default status of a base status (Active → "Open"), or null. */
  defaultStatusFor(baseStatus: string): Promise<number | null>
  /**
   * Tags known to exist, by id and by name key. Saves create tags, possibly in another process,
   * so a tag missing here may still exist: only a hit is an answer.
   */
  knownTags(): Promise<KnownTags>
  /** The declared ticket custom fields, by Rank then name. */
  customFields(): Promise<readonly TicketCustomFieldInfo[]>
  /** The clock and escalation rules of a priority (none for no or an unknown priority). */
  priorityRules(priorityId: number | null | undefined): Promise<PriorityRules>
  /** The member associate ids of a category, in position order (none for an unknown one). */
  categoryMembers(categoryId: number): Promise<readonly number[]>
  /**
   * Contacts by associate id, holding at least these associates' (an id with no associate is
   * absent); the catalog answers with every associate's.
   */
  contacts(ids: readonly number[]): Promise<ReadonlyMap<number, Contact>>
}

/**
 * A value for every carrier kind, built by one function of the kind: readers are derived from
 * `carrierKinds`, so a new kind is one line there. `T` names what `build` returns per kind.
 */
export function perKind<T extends { [K in CarrierKind]: unknown }>(
  build: (kind: CarrierKind) => unknown
): T {
  return Object.fromEntries(carrierKindNames.map((kind) => [kind, build(kind)])) as T
}

/**
 * Reads reference data as full wire carriers (nested carriers filled, rights left to the caller,
 * multi-language names as stored). Works on a store's `db` or inside a transaction; `batch`
 * reads many of one kind at once.
 * @example const owner = await createReferenceReader(store.db).associate(5)
 */
export function createReferenceReader(db: Db): ReferenceReader & { batch: BatchReader } {
  return {
    ...perKind<CarrierReaders>(
      (kind) => async (id: number) => (await loadCarriers(db, kind, [id])).get(id)
    ),
    batch: perKind<BatchReader>((kind) => (ids: Iterable<number>) => loadCarriers(db, kind, ids)),
    defaults: () => defaults(db),
    defaultStatusFor: (baseStatus) => defaultStatusFor(db, baseStatus),
    knownTags: () => loadKnownTags(db),
    customFields: () => customFieldInfos(db, tablesOf(db)),
    priorityRules: (priorityId) => loadPriorityRules(db, tablesOf(db), priorityId),
    categoryMembers: (categoryId) => loadCategoryMembers(db, categoryId),
    contacts: (ids) => loadContacts(db, ids),
  }
}
