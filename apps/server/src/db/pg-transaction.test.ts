import { eq, sql } from 'drizzle-orm'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { pgStatementsDuring, pgWritesDuring } from '../test/pg-round-trips.ts'
import { testServerUrl } from '../test/postgres.ts'
import { openTestStore } from '../test/stores.ts'
import { asPgExecutor } from './db.ts'
import { sqlStateOf } from './sql-state.ts'
import type { Db } from './store.ts'
import { tablesOf } from './tables-of.ts'
import { readLater, writeLater } from './write-later.ts'

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

  it('fails a transaction whose held write reaches the driver only after an await', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    await expect(
      store.transaction(async (tx) => {
        await writeLater(tx, async () => {
          await Promise.resolve()
          return tx.insert(t.tags).values(tagRow('behind-commit')).execute()
        })
      })
    ).rejects.toThrow('at once')
    // Neither inside the transaction nor behind it, on a connection back in the pool.
    await new Promise((resolve) => setTimeout(resolve, 100))
    await store.transaction(async (tx) => {
      await tx.insert(t.tags).values(tagRow('next'))
    })
    const names = (await store.db.select().from(t.tags)).map((r) => r.nameKey)
    expect(names).toEqual(['next'])
  })

  it('fails a transaction whose connection is lost midway, and the process goes on', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    const admin = new pg.Client({ connectionString: testServerUrl })
    await admin.connect()
    try {
      await expect(
        store.transaction(async (tx) => {
          const backend = await asPgExecutor(tx).execute(sql`select pg_backend_pid() as pid`)
          const pid = (backend.rows[0] as { pid: number }).pid
          await admin.query('select pg_terminate_backend($1)', [pid])
          // The loss reaches the connection as an error event while it is lent out.
          await new Promise((resolve) => setTimeout(resolve, 100))
          await tx.insert(t.tags).values(tagRow('after-loss'))
        })
      ).rejects.toThrow()
    } finally {
      await admin.end()
    }
    // The lost connection left the pool; the next transaction gets a live one.
    await store.transaction(async (tx) => {
      await tx.insert(t.tags).values(tagRow('next'))
    })
    const names = (await store.db.select().from(t.tags)).map((r) => r.nameKey)
    expect(names).toEqual(['next'])
  })

  it('sends a read held for later with the next statement, and answers it from there', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    // Connected and warm: the count below is the transaction's own.
    await store.transaction(async (tx) => tx.select().from(t.tags))
    let seen: unknown[] = []
    const writes = await pgWrites(() =>
      store.transaction(async (tx) => {
        const before = readLater(tx, () => tx.select().from(t.tags))
        await tx.insert(t.tags).values(tagRow('after-the-read'))
        seen = await before()
      })
    )
    // BEGIN, the held read and the INSERT in one write; COMMIT in the other.
    expect(writes).toBe(2)
    // It ran where it was asked for: before the INSERT.
    expect(seen).toEqual([])
    expect(await store.db.$count(t.tags)).toBe(1)
  })

  it('sends a held read at once when it is awaited before anything else', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    await store.db.insert(t.tags).values(tagRow('there'))
    const names = await store.transaction(async (tx) => {
      const rows = await readLater(tx, () => tx.select().from(t.tags))()
      return rows.map((row) => row.nameKey)
    })
    expect(names).toEqual(['there'])
  })

  it('sends nothing for a held read the transaction never awaited before it threw', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    let late: (() => Promise<unknown>) | undefined
    const writes = await pgWrites(async () => {
      await expect(
        store.transaction(async (tx) => {
          late = readLater(tx, () => tx.select().from(t.tags))
          throw new Error('refused before any statement')
        })
      ).rejects.toThrow('refused before any statement')
    })
    expect(writes).toBe(0)
    await expect(late?.()).rejects.toThrow('ended')
  })

  it('fails the awaiting save and keeps nothing when a held read fails', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    await expect(
      store.transaction(async (tx) => {
        const broken = readLater(tx, () =>
          tx.select({ v: sql<number>`1 / 0` }).from(sql`(values (1)) as one`)
        )
        await writeLater(tx, () => tx.insert(t.tags).values(tagRow('behind-the-failure')).execute())
        await broken()
      })
    ).rejects.toThrow('select 1 / 0')
    expect(await store.db.$count(t.tags)).toBe(0)
  })

  it('sends held plain inserts as one statement, kept or refused as a whole', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    const holdTags = (tx: Db, names: string[]) =>
      Promise.all(
        names.map((name) => writeLater(tx, () => tx.insert(t.tags).values(tagRow(name)).execute()))
      )
    // BEGIN, one statement for the three rows, COMMIT.
    const sent = await pgStatementsDuring(testServerUrl, () =>
      store.transaction((tx) => holdTags(tx, ['one', 'two', 'three']))
    )
    expect(sent).toBe(3)
    expect(await store.db.$count(t.tags)).toBe(3)
    // The second row repeats a name: the database's own refusal comes back, and nothing stays.
    const refused = await store
      .transaction((tx) => holdTags(tx, ['four', 'four', 'five']))
      .catch((error: unknown) => error)
    expect(sqlStateOf(refused)).toBe('23505')
    expect(await store.db.$count(t.tags)).toBe(3)
  })
})

const pgWrites = (fn: () => Promise<unknown>) => pgWritesDuring(testServerUrl, fn)
