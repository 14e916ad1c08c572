import { isDeepStrictEqual } from 'node:util'
import { eq, getTableColumns, type InferInsertModel, type InferSelectModel } from 'drizzle-orm'
import type { QueryTable } from '../db/db.ts'
import type { Db } from '../db/store.ts'
import type { SectionCount } from './tenant-sections.ts'

type Row = Record<string, unknown>

/**
 * Whether writing `values` over `existing` would change anything. Deep equality ignores key
 * order, because PostgreSQL's jsonb does not keep it.
 */
export function differs(existing: Row, values: Row): boolean {
  return Object.entries(values).some(
    ([key, value]) => value !== undefined && !isDeepStrictEqual(existing[key], value)
  )
}

export interface UpsertOptions<T extends QueryTable> {
  /** Extra values written only when the row is created or changes (e.g. an Updated stamp). */
  stamp?: Partial<InferInsertModel<T>>
  /** Counted as a change even when the row itself is equal (e.g. its child rows changed). */
  forceChanged?: boolean
}

/**
 * Inserts `values`, or updates `existing` in place when a value differs, or leaves it alone;
 * counts which of the three happened. Returns the stored row.
 */
export async function upsertRow<T extends QueryTable>(
  tx: Db,
  table: T,
  idKey: keyof InferSelectModel<T> & string,
  existing: InferSelectModel<T> | undefined,
  values: InferInsertModel<T>,
  count: SectionCount,
  options: UpsertOptions<T> = {}
): Promise<InferSelectModel<T>> {
  if (!existing) {
    const rows = await tx
      .insert(table)
      .values({ ...values, ...options.stamp })
      .returning()
    count.created += 1
    return rows[0] as InferSelectModel<T>
  }
  const changed = differs(existing, values)
  if (!changed && !options.forceChanged) {
    count.unchanged += 1
    return existing
  }
  count.updated += 1
  const set = { ...(changed ? values : {}), ...options.stamp }
  const idColumn = getTableColumns(table)[idKey]
  if (Object.keys(set).length === 0 || !idColumn) {
    return existing
  }
  const rows = await tx.update(table).set(set).where(eq(idColumn, existing[idKey])).returning()
  return rows[0] as InferSelectModel<T>
}
