import { inArray } from 'drizzle-orm'
import { prepared } from '../db/prepared.ts'
import { listShape } from '../db/statement-shape.ts'
import type { Db, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'

/**
 * What notifying an associate needs: the names to show, the address and language to write in,
 * whether the associate is still active, and the channels asked for per event.
 */
export type Contact = Pick<
  Tables['associates']['$inferSelect'],
  'name' | 'fullName' | 'email' | 'language' | 'deleted' | 'preferences'
>

const columns = (t: Tables['associates']) => ({
  associateId: t.associateId,
  name: t.name,
  fullName: t.fullName,
  email: t.email,
  language: t.language,
  deleted: t.deleted,
  preferences: t.preferences,
})

const byId = (rows: (Contact & { associateId: number })[]) =>
  new Map<number, Contact>(rows.map(({ associateId, ...contact }) => [associateId, contact]))

/** The contacts of the associates `ids` names; an id with no associate is absent. */
export async function loadContacts(db: Db, ids: readonly number[]): Promise<Map<number, Contact>> {
  const list = listShape('reference.contacts', [...new Set(ids)])
  const t = tablesOf(db).associates
  const statement = prepared(db, list.key, (d) =>
    d.select(columns(t)).from(t).where(inArray(t.associateId, list.placeholders()))
  )
  return byId(await statement.execute(list.values))
}

/** Every associate's contact, deleted ones included, by associate id. */
export async function loadAllContacts(db: Db): Promise<Map<number, Contact>> {
  const t = tablesOf(db).associates
  return byId(await db.select(columns(t)).from(t))
}
