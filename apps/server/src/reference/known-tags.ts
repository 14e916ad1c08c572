import type { Tag } from '@ticket/schema'
import type { Db } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'

/** Tags by id and by name key (trimmed, lower case), as the wire shows them. */
export interface KnownTags {
  byId: Map<number, Tag>
  byKey: Map<string, Tag>
}

/** The key a tag name is matched by: names compare trimmed and case-insensitively. */
export const tagKey = (name: string) => name.trim().toLowerCase()

export function rememberTag(known: KnownTags, tag: Tag, key = tagKey(tag.Name)): void {
  const frozen = Object.freeze({ Id: tag.Id, Name: tag.Name, ToolTip: tag.ToolTip })
  known.byId.set(tag.Id, frozen)
  known.byKey.set(key, frozen)
}

/** Every tag in the database. */
export async function loadKnownTags(db: Db): Promise<KnownTags> {
  const t = tablesOf(db).tags
  const known: KnownTags = { byId: new Map(), byKey: new Map() }
  for (const row of await db.select().from(t)) {
    rememberTag(known, { Id: row.id, Name: row.name, ToolTip: row.toolTip }, row.nameKey)
  }
  return known
}
