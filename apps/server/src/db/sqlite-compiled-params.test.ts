import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openTestStore } from '../test/stores.ts'
import { prepared } from './prepared.ts'
import { placeholdersFor } from './statement-shape.ts'
import { tablesOf } from './tables-of.ts'

describe('statements prepared on SQLite with their parameters worked out once', () => {
  it('write and read what Drizzle itself does: encoded columns, fixed values, RETURNING', async () => {
    const store = await openTestStore('sqlite')
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
    const [text] = store.native.db.all<{ events: string }>(sql`select events from webhooks`)
    expect(text?.events).toBe(JSON.stringify(events))
  })

  it('refuses a missing value with the error Drizzle gives, and writes nothing', async () => {
    const store = await openTestStore('sqlite')
    const { tags } = tablesOf(store.db)
    const insertTag = prepared(store.db, 'test.tags.insert-missing', (d) =>
      d.insert(tags).values({ ...placeholdersFor(['name', 'nameKey'] as const), toolTip: '' })
    )
    await expect(insertTag.execute({ name: 'Only a name' })).rejects.toThrow(
      'No value for placeholder "nameKey" was provided'
    )
    expect(await store.db.select().from(tags)).toEqual([])
  })
})
