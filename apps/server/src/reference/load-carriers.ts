import { eq, inArray, sql } from 'drizzle-orm'
import type { QueryColumn, QueryTable } from '../db/db.ts'
import { prepared } from '../db/prepared.ts'
import { referenceIds } from '../db/projection-map.ts'
import type { Db } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { carrierFromRow } from './carrier-from-row.ts'
import {
  type CarrierKind,
  type CarrierKindSpec,
  type Carriers,
  carrierKinds,
  kindOfTable,
} from './carrier-kinds.ts'

type Row = Record<string, unknown>

const INT32_MAX = 2147483647

function tableOf(db: Db, kind: CarrierKind) {
  const { projection }: CarrierKindSpec = carrierKinds[kind]
  const table = (tablesOf(db) as unknown as Record<string, QueryTable & Record<string, unknown>>)[
    projection.table
  ]
  const [idProperty] = projection.primaryKey
  const idKey = idProperty === undefined ? undefined : projection.columns[idProperty]
  const idColumn = idKey === undefined ? undefined : (table?.[idKey] as QueryColumn | undefined)
  if (!table || !idKey || !idColumn) {
    throw new Error(`no table for the ${kind} carrier`)
  }
  return { table, idKey, idColumn }
}

/**
 * Full carriers of one kind by id, in one query (plus one per kind of nested carrier, e.g. the
 * statuses a category refers to). Ids that do not exist are simply absent from the map.
 * @example const owners = await loadCarriers(db, 'associate', [1, 2])
 */
export async function loadCarriers<K extends CarrierKind>(
  db: Db,
  kind: K,
  ids: Iterable<number>
): Promise<Map<number, Carriers[K]>> {
  const wanted = [...new Set(ids)].filter((id) => Number.isInteger(id) && id > 0 && id <= INT32_MAX)
  const result = new Map<number, Carriers[K]>()
  if (wanted.length === 0) {
    return result
  }
  const spec = carrierKinds[kind]
  const { table, idKey, idColumn } = tableOf(db, kind)
  // One id is by far the common case (a save resolving its carriers): a prepared statement.
  const rows = (
    wanted.length === 1
      ? await prepared(db, `carrier.${kind}.by-id`, (d) =>
          d
            .select()
            .from(table)
            .where(eq(idColumn, sql.placeholder('id')))
        ).execute({ id: wanted[0] })
      : await db.select().from(table).where(inArray(idColumn, wanted))
  ) as Row[]
  const carriers = rows.map((row) => ({ row, carrier: carrierFromRow(spec, row) }))
  for (const [property, reference] of Object.entries(spec.projection.references)) {
    const nestedKind = kindOfTable(reference.table)
    if (!nestedKind) {
      continue
    }
    const nestedIds = rows.map((row) => referenceIds(spec.projection, row)[property] ?? 0)
    const nested = await loadCarriers(db, nestedKind, nestedIds)
    for (const { row, carrier } of carriers) {
      const id = referenceIds(spec.projection, row)[property]
      carrier[property] = (id !== null && id !== undefined && nested.get(id)) || null
    }
  }
  for (const { row, carrier } of carriers) {
    result.set(row[idKey] as number, carrier as unknown as Carriers[K])
  }
  return result
}
