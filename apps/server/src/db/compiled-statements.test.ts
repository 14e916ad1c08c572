import { DrizzleQueryError, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { seeder } from '../test/seed.ts'
import { dialects, openTestStore } from '../test/stores.ts'
import { prepared } from './prepared.ts'
import { placeholdersFor } from './statement-shape.ts'
import { tablesOf } from './tables-of.ts'

describe.each(dialects)(
  'statements prepared on %s with parameters and rows worked out once',
  (dialect) => {
    it('write and read what Drizzle itself does: encoded columns, fixed values, RETURNING', async () => {
      const store = await openTestStore(dialect)
      const { tags, webhooks } = tablesOf(store.db)
      const [tag] = await store.db
        .insert(tags)
        .values({ name: 'Urgent', nameKey: 'urgent', toolTip: '' })
        .returning()
      const insertTag = prepared(store.db, 'test.tags.insert', (d) =>
        d
          .insert(tags)
          .values({ ...placeholdersFor(['name', 'nameKey'] as const), toolTip: 'fixed' })
          .returning({ id: tags.id })
      )
      // The statement runs through the methods worked out once, not Drizzle's own: on SQLite
      // those that bind and map (which Drizzle's execute calls), on PostgreSQL execute itself.
      const replaced = dialect === 'sqlite' ? ['run', 'all', 'values'] : ['execute']
      expect(replaced.filter((method) => Object.hasOwn(insertTag, method))).toEqual(replaced)
      const [inserted] = await insertTag.execute({ name: 'Later', nameKey: 'later' })
      expect(inserted?.id).toBe((tag?.id ?? 0) + 1)
      const byId = prepared(store.db, 'test.tags.by-id', (d) =>
        d
          .select()
          .from(tags)
          .where(eq(tags.id, sql.placeholder('id')))
      )
      expect(await byId.execute({ id: inserted?.id })).toEqual([
        { id: inserted?.id, name: 'Later', nameKey: 'later', toolTip: 'fixed' },
      ])
      // A JSON column goes through its encoder, exactly as Drizzle's own run would send it.
      const insertWebhook = prepared(store.db, 'test.webhooks.insert', (d) =>
        d.insert(webhooks).values({
          ...placeholdersFor(['name', 'targetUrl', 'events'] as const),
          secret: 's',
          state: 'Active',
          type: 'webhook',
          registeredAssociateId: 1,
        })
      )
      const events = ['ticket.created', 'ticket.changed']
      await insertWebhook.execute({ name: 'hook', targetUrl: 'http://127.0.0.1/', events })
      const [row] = await store.db.select().from(webhooks)
      expect(row?.events).toEqual(events)
      if (store.dialect === 'sqlite') {
        const [text] = store.native.db.all<{ events: string }>(sql`select events from webhooks`)
        expect(text?.events).toBe(JSON.stringify(events))
      }
    })

    it('map every column of a row as Drizzle does: JSON, dates, flags, nulls', async () => {
      const store = await openTestStore(dialect)
      const tables = tablesOf(store.db)
      const seed = seeder(store.db, tables)
      const owner = await seed.associate({ preferences: { theme: 'dark' }, isAdmin: true })
      await seed.ticket({ title: 'Full', ownedById: owner, deadline: '2030-01-02T03:04:05.000Z' })
      await seed.ticket({ title: 'Sparse' })
      const { tickets, associates } = tables
      const all = prepared(store.db, 'test.tickets.all', (d) =>
        d.select().from(tickets).orderBy(tickets.ticketId)
      )
      const expected = await store.db.select().from(tickets).orderBy(tickets.ticketId)
      expect(expected.map((t) => t.title)).toEqual(['Full', 'Sparse'])
      expect(await all.execute()).toEqual(expected)
      const associate = prepared(store.db, 'test.associates.by-id', (d) =>
        d
          .select()
          .from(associates)
          .where(eq(associates.associateId, sql.placeholder('id')))
      )
      const [read] = await associate.execute({ id: owner })
      expect(read?.preferences).toEqual({ theme: 'dark' })
      expect(read?.isAdmin).toBe(true)
      expect([read]).toEqual(
        await store.db.select().from(associates).where(eq(associates.associateId, owner))
      )
      // A join that may leave a table's columns empty keeps Drizzle's own mapping (null, not {}).
      const { tags, ticketTags } = tables
      await store.db.insert(tags).values({ name: 'Lonely', nameKey: 'lonely', toolTip: '' })
      const withLinks = prepared(store.db, 'test.tags.left-join', (d) =>
        d.select().from(tags).leftJoin(ticketTags, eq(ticketTags.tagId, tags.id))
      )
      const [joined] = (await withLinks.execute()) as { ticket_tags: unknown }[]
      expect(joined?.ticket_tags).toBeNull()
    })

    it('refuses a missing value with the error Drizzle gives, and writes nothing', async () => {
      const store = await openTestStore(dialect)
      const { tags } = tablesOf(store.db)
      const insertTag = prepared(store.db, 'test.tags.insert-missing', (d) =>
        d.insert(tags).values({ ...placeholdersFor(['name', 'nameKey'] as const), toolTip: '' })
      )
      await expect(insertTag.execute({ name: 'Only a name' })).rejects.toThrow(
        'No value for placeholder "nameKey" was provided'
      )
      expect(await store.db.select().from(tags)).toEqual([])
    })

    it("reports a statement the database refuses as Drizzle does, with the database's error as its cause", async () => {
      const store = await openTestStore(dialect)
      const { tags } = tablesOf(store.db)
      const insertTag = prepared(store.db, 'test.tags.insert-twice', (d) =>
        d.insert(tags).values({ ...placeholdersFor(['name', 'nameKey'] as const), toolTip: '' })
      )
      await insertTag.execute({ name: 'Once', nameKey: 'once' })
      const refused = await Promise.resolve(
        insertTag.execute({ name: 'Twice', nameKey: 'once' })
      ).then(
        () => undefined,
        (error: unknown) => error
      )
      expect(refused).toBeInstanceOf(dialect === 'pg' ? DrizzleQueryError : Error)
      const code =
        dialect === 'pg'
          ? (refused as { cause?: { code?: string } }).cause?.code
          : (refused as { code?: string }).code
      expect(code).toBe(dialect === 'pg' ? '23505' : 'SQLITE_CONSTRAINT_UNIQUE')
      expect(await store.db.select({ name: tags.name }).from(tags)).toEqual([{ name: 'Once' }])
    })
  }
)
