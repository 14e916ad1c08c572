import type { Tag, TicketCustomFieldInfo } from '@ticket/schema'
import { loadAllPriorityRules, NO_PRIORITY, type PriorityRules } from '../clocks/priority-rules.ts'
import { customFieldInfos } from '../custom-fields/custom-field-rows.ts'
import type { Db, Store, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { deepFreeze } from '../deep-freeze.ts'
import { withSharedJson } from '../http/json-text.ts'
import {
  type CarrierKind,
  type CarrierKindSpec,
  type Carriers,
  carrierKindNames,
  carrierKinds,
} from './carrier-kinds.ts'
import { loadAllCategoryMembers } from './category-members.ts'
import { type Contact, contactsOf } from './contacts.ts'
import { defaultStatusFor, defaults, type ReferenceDefaults } from './defaults.ts'
import { type KnownTags, loadKnownTags, rememberTag } from './known-tags.ts'
import { loadCarriers } from './load-carriers.ts'
import { type CarrierReaders, perKind, type ReferenceReader } from './reference-reader.ts'

type Snapshot = {
  carriers: { [K in CarrierKind]: Map<number, Carriers[K]> }
  defaults: ReferenceDefaults
  defaultStatus: Map<string, Promise<number | null>>
  tags: KnownTags
  customFields: readonly TicketCustomFieldInfo[]
  priorityRules: Map<number, PriorityRules>
  categoryMembers: Map<number, readonly number[]>
  contacts: Map<number, Contact>
}

/**
 * Reference data (associates, categories and their members, priorities and their clock rules,
 * statuses, persons, sales, projects, ticket types, the defaults, tags, custom-field
 * declarations) held in memory, so a save or a read runs no query for it. Loaded on first use
 * and again after `invalidate`, which the change feed calls when any process commits a change
 * to reference data (topic `reference`), or when messages may have been missed.
 */
export interface Catalog {
  /**
   * Reads full carriers from memory; nested carriers filled, rights left to the caller. When
   * nothing is held yet it loads through `db`: inside a transaction that is the transaction's own
   * connection, so a pool whose connections all hold saves never waits on itself.
   */
  readerFor(db: Db): ReferenceReader
  /** Drops what is held; the next read loads it again. Counts up `version`. */
  invalidate(): void
  /**
   * Adds tags a save has committed (saves create tags without announcing them). Call it only
   * after the commit: a tag of a rolled-back save must never be known.
   */
  learnTags(tags: readonly Tag[]): void
  /** How many times the catalog was invalidated: a changed version means newer data. */
  readonly version: number
  /** Stops listening to the change feed. */
  close(): void
}

const chunk = 500
const noMembers: readonly number[] = Object.freeze([])

async function loadKind<K extends CarrierKind>(db: Db, kind: K) {
  const { projection }: CarrierKindSpec = carrierKinds[kind]
  const table = (tablesOf(db) as unknown as Record<string, object>)[projection.table]
  const idKey = projection.columns[projection.primaryKey[0] ?? '']
  if (!table || !idKey) {
    throw new Error(`no table for the ${kind} carrier`)
  }
  const rows = (await db.select().from(table as never)) as Record<string, unknown>[]
  const ids = rows.map((row) => row[idKey] as number)
  const all = new Map<number, Carriers[K]>()
  for (let i = 0; i < ids.length; i += chunk) {
    for (const [id, carrier] of await loadCarriers(db, kind, ids.slice(i, i + chunk))) {
      // Shared by every request: frozen, so an edit throws, and their JSON is made once.
      all.set(id, withSharedJson(carrier))
    }
  }
  return { carriers: all, rows }
}

async function load(db: Db): Promise<Snapshot> {
  const kinds = carrierKindNames
  // One kind after another: a transaction's connection runs one query at a time anyway.
  const loaded: Awaited<ReturnType<typeof loadKind>>[] = []
  for (const kind of kinds) {
    loaded.push(await loadKind(db, kind))
  }
  const carriers = Object.fromEntries(
    kinds.map((kind, i) => [kind, loaded[i]?.carriers])
  ) as Snapshot['carriers']
  // The associates' rows, read once for their carriers, give their contacts too.
  const associateRows = loaded[kinds.indexOf('associate')]?.rows ?? []
  return {
    carriers,
    defaults: await defaults(db),
    defaultStatus: new Map(),
    tags: await loadKnownTags(db),
    customFields: deepFreeze(await customFieldInfos(db, tablesOf(db))),
    priorityRules: await loadAllPriorityRules(db, tablesOf(db)),
    categoryMembers: await loadAllCategoryMembers(db),
    contacts: contactsOf(associateRows as Tables['associates']['$inferSelect'][]),
  }
}

/**
 * @example const catalog = createCatalog(store); await catalog.readerFor(store.reader).category(3)
 */
export function createCatalog(store: Store): Catalog {
  let snapshot: Promise<Snapshot> | undefined
  /** The snapshot once its load has finished (and nothing invalidated it since). */
  let loaded: Snapshot | undefined
  let version = 0
  const current = (db: Db) => {
    if (!snapshot) {
      const started = version
      const loading = load(db)
      snapshot = loading
      // A failed load is not kept, nor one that an invalidation overtook: the next read loads.
      const drop = () => {
        if (snapshot === loading) {
          snapshot = undefined
        }
      }
      loading.then((held) => {
        if (version !== started) {
          drop()
        } else if (snapshot === loading) {
          loaded = held
        }
      }, drop)
    }
    return snapshot
  }
  /**
   * `pick` of what is held. Once loaded, the answer is an already-settled promise: a save asks
   * for some twenty carriers, defaults and rules, and waiting on the load each time cost every
   * one of them extra turns of the microtask queue.
   */
  const read = <T>(db: Db, pick: (held: Snapshot) => T): Promise<T> =>
    loaded ? Promise.resolve(pick(loaded)) : current(db).then(pick)
  const invalidate = () => {
    snapshot = undefined
    loaded = undefined
    version++
  }
  const stopListening = store.changes.subscribe('reference', invalidate)
  // An associate's own notification preferences: rare edits, each dropping what is held.
  const stopPreferences = store.changes.subscribe('preferences', invalidate)
  const stopResync = store.changes.onResync(invalidate)
  // Readers only point at what is held (read when called), so one per connection serves every
  // request on it, across invalidations.
  const readers = new WeakMap<Db, ReferenceReader>()
  const newReader = (db: Db): ReferenceReader => ({
    ...perKind<CarrierReaders>(
      (kind) => (id: number) => read(db, (held) => held.carriers[kind].get(id))
    ),
    defaults: () => read(db, (held) => held.defaults),
    defaultStatusFor: async (baseStatus) => {
      const { defaultStatus } = await current(db)
      let id = defaultStatus.get(baseStatus)
      if (!id) {
        const asked = defaultStatusFor(db, baseStatus)
        id = asked
        defaultStatus.set(baseStatus, asked)
        // A failed read (its transaction refused it) is not kept: the next save asks again.
        asked.catch(() => {
          if (defaultStatus.get(baseStatus) === asked) {
            defaultStatus.delete(baseStatus)
          }
        })
      }
      return id
    },
    knownTags: () => read(db, (held) => held.tags),
    customFields: () => read(db, (held) => held.customFields),
    priorityRules: (priorityId) =>
      read(db, (held) => (priorityId && held.priorityRules.get(priorityId)) || NO_PRIORITY),
    categoryMembers: (categoryId) =>
      read(db, (held) => held.categoryMembers.get(categoryId) ?? noMembers),
    // Every associate's contact: the map held, not a copy per save.
    contacts: () => read(db, (held) => held.contacts),
  })
  return {
    readerFor(db) {
      let reader = readers.get(db)
      if (!reader) {
        reader = newReader(db)
        readers.set(db, reader)
      }
      return reader
    },
    invalidate,
    learnTags(tags) {
      const held = snapshot
      if (held && tags.length > 0) {
        void held.then(
          (s) => {
            for (const tag of tags) {
              rememberTag(s.tags, tag)
            }
          },
          () => {}
        )
      }
    },
    get version() {
      return version
    },
    close: () => {
      stopListening()
      stopPreferences()
      stopResync()
    },
  }
}
