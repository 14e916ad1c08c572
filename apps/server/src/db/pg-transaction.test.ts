import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openTestStore } from '../test/stores.ts'
import type { Db } from './store.ts'
import { tablesOf } from './tables-of.ts'
import { writeLater } from './write-later.ts'

const tagRow = (name: string) => ({ name, nameKey: name.toLowerCase(), toolTip: '' })

describe('a pipelined PostgreSQL transaction', () => {
  it('commits writes that were only held (BEGIN, the writes and COMMIT go together)', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    await store.transaction(async (tx) => {
      await writeLater(tx, () => tx.insert(t.tags).values(tagRow('held-only')).execute())
    })
    const rows = await store.db.select().from(t.tags).where(eq(t.tags.nameKey, 'held-only'))
    expect(rows).toHaveLength(1)
  })

  it('runs held writes before the statement that follows them, which sees their rows', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    const seen = await store.transaction(async (tx) => {
      await writeLater(tx, () => tx.insert(t.tags).values(tagRow('in-order')).execute())
      return tx.select().from(t.tags).where(eq(t.tags.nameKey, 'in-order'))
    })
    expect(seen).toHaveLength(1)
  })

  it('keeps nothing when the function throws after holding a write', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    await expect(
      store.transaction(async (tx) => {
        await tx.insert(t.tags).values(tagRow('sent-first'))
        await writeLater(tx, () => tx.insert(t.tags).values(tagRow('held-then-thrown')).execute())
        throw new Error('changed my mind')
      })
    ).rejects.toThrow('changed my mind')
    expect(await store.db.$count(t.tags)).toBe(0)
  })

  it('refuses a write held after the transaction ended', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    let kept: Db | undefined
    await store.transaction(async (tx) => {
      kept = tx
    })
    const late = kept as Db
    await expect(
      writeLater(late, () => late.insert(t.tags).values(tagRow('too-late')).execute())
    ).rejects.toThrow('ended')
    // The next transaction on the connection commits only its own rows.
    await store.transaction(async (tx) => {
      await tx.insert(t.tags).values(tagRow('next'))
    })
    const names = (await store.db.select().from(t.tags)).map((r) => r.nameKey)
    expect(names).toEqual(['next'])
  })
})
