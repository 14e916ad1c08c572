import type { Tag } from '@ticket/schema'
import { eq, inArray, sql } from 'drizzle-orm'
import { prepared } from '../db/prepared.ts'
import { sqlStateOf } from '../db/sql-state.ts'
import type { Db, Tables } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { checkLater, holdsWrites, writeLater } from '../db/write-later.ts'
import type { FieldError } from '../http/api-error.ts'
import { type KnownTags, tagKey } from '../reference/known-tags.ts'
import { linkRows, linkValues } from './write-links.ts'

type SentTag = Partial<Pick<Tag, 'Id' | 'Name' | 'ToolTip'>>

/**
 * Tags by Id, else by Name case-insensitively; a new name creates the tag. Duplicates collapse
 * to one, in first-seen order (see docs/decisions.md). `known` (the catalog's tags) answers
 * without a query; only what it lacks is read.
 *
 * With `presume`, an id the catalog lacks, sent with a name it knows, is taken as absent
 * without a read when the transaction holds its writes (PostgreSQL): a check sent with those
 * writes fails the commit with {@link TagPresumedAbsentExists} if such a tag exists after all,
 * and the caller saves again without presuming.
 */
export async function resolveTags(
  db: Db,
  tables: Tables,
  sent: SentTag[],
  errors: FieldError[],
  known?: KnownTags,
  presume = false
): Promise<Tag[]> {
  const ids = sent.map((t) => t.Id).filter((id): id is number => typeof id === 'number' && id > 0)
  const keys = sent.map((t) => tagKey(t.Name ?? '')).filter((key) => key !== '')
  const missingIds = [...new Set(known ? ids.filter((id) => !known.byId.has(id)) : ids)]
  const missingKeys = [...new Set(known ? keys.filter((key) => !known.byKey.has(key)) : keys)]
  const presumed =
    presume && known && holdsWrites(db)
      ? missingIds.filter((id) => namedByKnown(sent, id, known))
      : []
  if (presumed.length > 0) {
    await expectNoTags(db, presumed)
  }
  const read = [
    ...(await tagsWhere(
      db,
      'id',
      missingIds.filter((id) => !presumed.includes(id))
    )),
    ...(await tagsWhere(db, 'nameKey', missingKeys)),
  ]
  const readById = new Map(read.map((t) => [t.id, asTag(t)]))
  const readByKey = new Map(read.map((t) => [t.nameKey, asTag(t)]))
  const result = new Map<number, Tag>()
  for (const [index, tag] of sent.entries()) {
    const name = tag.Name?.trim() ?? ''
    const key = tagKey(name)
    let found = tag.Id && tag.Id > 0 ? (known?.byId.get(tag.Id) ?? readById.get(tag.Id)) : undefined
    if (!found && key) {
      found = known?.byKey.get(key) ?? readByKey.get(key)
    }
    if (!found && key) {
      found = asTag(await createTag(db, tables, name, key, tag.ToolTip ?? ''))
      readByKey.set(key, found)
    }
    if (!found) {
      errors.push(unresolvedTag(index, tag))
      continue
    }
    result.set(found.Id, found)
  }
  return [...result.values()]
}

/** The error for the sent tag at `index` that names no tag: an unknown id, or neither id nor name. */
export const unresolvedTag = (index: number, tag: SentTag): FieldError => ({
  path: `/Tags/${index}`,
  message: tag.Id ? `There is no tag with id ${tag.Id}.` : 'A tag needs an Id or a Name.',
  code: tag.Id ? 'unknown_reference' : 'required',
})

/** Whether every sent tag with `id` also has a name the catalog knows (then it resolves by name). */
const namedByKnown = (sent: SentTag[], id: number, known: KnownTags) =>
  sent.every((tag) => tag.Id !== id || (!!tag.Name && known.byKey.has(tagKey(tag.Name))))

/** A save's commit failed because a tag it took as absent exists: save again, reading it. */
export class TagPresumedAbsentExists extends Error {
  constructor(ids: number[], options: ErrorOptions) {
    super(`a tag taken as absent exists (one of ${ids.join(', ')})`, options)
    this.name = 'TagPresumedAbsentExists'
  }
}

/** Sends, with the transaction's writes, the check that none of the tags `ids` exists. */
async function expectNoTags(db: Db, ids: number[]) {
  const statement = prepared(db, 'tags.expect-none', (d) =>
    d
      .select({ checked: sql<null>`ticket_expect_no_tags(${sql.placeholder('ids')}::integer[])` })
      .from(sql`(values (1)) as one`)
  )
  await checkLater(db, () =>
    Promise.resolve(statement.execute({ ids })).catch((error: unknown) => {
      throw sqlStateOf(error) === presumedAbsentExists
        ? new TagPresumedAbsentExists(ids, { cause: error })
        : error
    })
  )
}

/** The SQLSTATE `ticket_expect_no_tags` raises (a migration defines it). */
const presumedAbsentExists = 'TA001'

/** Tags whose `column` is one of `values`: one prepared statement per column and count. */
async function tagsWhere(db: Db, column: 'id' | 'nameKey', values: (number | string)[]) {
  if (values.length === 0) {
    return []
  }
  const statement = prepared(db, `tags.by-${column}.${values.length}`, (d) => {
    const { tags } = tablesOf(d)
    return d
      .select()
      .from(tags)
      .where(
        inArray(
          tags[column],
          values.map((_, i) => sql.placeholder(`v${i}`))
        )
      )
  })
  return statement.execute(Object.fromEntries(values.map((value, i) => [`v${i}`, value])))
}

const asTag = (row: { id: number; name: string; toolTip: string }): Tag => ({
  Id: row.id,
  Name: row.name,
  ToolTip: row.toolTip,
})

/**
 * Creates a tag, or finds the one a concurrent save just created: on PostgreSQL the conflicting
 * insert waits for the other transaction, then the name is there to read.
 */
async function createTag(db: Db, tables: Tables, name: string, nameKey: string, toolTip: string) {
  const [created] = await db
    .insert(tables.tags)
    .values({ name, nameKey, toolTip })
    .onConflictDoNothing({ target: tables.tags.nameKey })
    .returning()
  if (created) {
    return created
  }
  const [existing] = await db.select().from(tables.tags).where(eq(tables.tags.nameKey, nameKey))
  if (!existing) {
    throw new Error(`tag ${nameKey} neither inserted nor found`)
  }
  return existing
}

/**
 * Every tag row of a ticket in one multi-row insert; `replace` first deletes the old ones (a new
 * ticket has none).
 */
export async function writeTicketTags(
  db: Db,
  tables: Tables,
  ticketId: number,
  tags: Tag[],
  replace: boolean
) {
  if (replace) {
    await db.delete(tables.ticketTags).where(eq(tables.ticketTags.ticketId, ticketId))
  }
  if (tags.length > 0) {
    const statement = prepared(db, `ticket-tags.insert.${tags.length}`, (d) =>
      d.insert(tablesOf(d).ticketTags).values(linkRows(tags.length, 'tagId'))
    )
    const values = linkValues(
      ticketId,
      tags.map((tag) => tag.Id)
    )
    await writeLater(db, () => statement.execute(values))
  }
}
