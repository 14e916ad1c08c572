import { inArray } from 'drizzle-orm'
import { prepared } from '../db/prepared.ts'
import { listShape } from '../db/statement-shape.ts'
import type { Db, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { deepFreeze } from '../deep-freeze.ts'

type AssociateRow = Tables['associates']['$inferSelect']

/** The associate columns a contact holds: the one list its type and its reading come from. */
const contactKeys = ['name', 'fullName', 'email', 'language', 'deleted', 'preferences'] as const

/**
 * What notifying an associate needs: the names to show, the address and language to write in,
 * whether the associate is still active, and the channels asked for per event.
 */
export type Contact = Pick<AssociateRow, (typeof contactKeys)[number]>

/** An associate row, or the part of it a contact is read from. */
type ContactRow = Contact & Pick<AssociateRow, 'associateId'>

/** An associate row's contact, frozen all the way down: the catalog shares it with every save. */
function contactOf(row: ContactRow): Contact {
  return deepFreeze(Object.fromEntries(contactKeys.map((key) => [key, row[key]])) as Contact)
}

/** Associate rows' contacts by associate id. */
export function contactsOf(rows: readonly ContactRow[]): Map<number, Contact> {
  return new Map(rows.map((row) => [row.associateId, contactOf(row)]))
}

/**
 * The contacts of the associates `ids` names; an id with no associate is absent. Only the
 * contact's columns are read: not the credentials the rest of the row holds.
 */
export async function loadContacts(db: Db, ids: readonly number[]): Promise<Map<number, Contact>> {
  const list = listShape('reference.contacts', [...new Set(ids)])
  const t = tablesOf(db).associates
  // Built only when the statement is (once per length of list), as its placeholders are.
  const statement = prepared(db, list.key, (d) => {
    const columns = Object.fromEntries(
      (['associateId', ...contactKeys] as const).map((key) => [key, t[key]])
    ) as Pick<typeof t, keyof ContactRow>
    return d.select(columns).from(t).where(inArray(t.associateId, list.placeholders()))
  })
  return contactsOf(await statement.execute(list.values))
}
