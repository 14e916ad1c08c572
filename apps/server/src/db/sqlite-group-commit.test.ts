import { setImmediate as nextTurn } from 'node:timers/promises'
import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { sqliteFile } from '../test/temp-database.ts'
import { maxExtraTurns } from './sqlite-group-commit.ts'
import { openStore, type SqliteStore } from './store.ts'
import { tablesOf } from './tables-of.ts'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup()
  }
})

async function openFile(): Promise<SqliteStore> {
  const file = sqliteFile()
  cleanups.push(file.remove)
  const store = await openStore(file.url)
  cleanups.push(() => store.close())
  if (store.dialect !== 'sqlite') {
    throw new Error('expected an SQLite store')
  }
  return store
}

/** Tag names committed so far, read as every reader outside a transaction reads them. */
async function committedTags(store: SqliteStore): Promise<string[]> {
  const { tags } = tablesOf(store.db)
  const rows = await store.reader.select({ name: tags.name }).from(tags)
  return rows.map((r) => r.name).sort()
}

/** A transaction that stores one tag, as a save stores its rows. */
const addTag = (store: SqliteStore, name: string) =>
  store.transaction(async (tx) => {
    const { tags } = tablesOf(store.db)
    await tx.insert(tags).values({ name, toolTip: '', nameKey: name })
    return name
  })

describe('transactions on an SQLite file, committed in groups', () => {
  it('acknowledges every one of many concurrent saves, and stores them all', async () => {
    const store = await openFile()
    const names = Array.from({ length: 100 }, (_, i) => `tag-${String(i).padStart(3, '0')}`)
    const acknowledged = await Promise.all(names.map((name) => addTag(store, name)))
    expect(acknowledged).toEqual(names)
    expect(await committedTags(store)).toEqual(names)
  })

  it('rolls back only the save that fails; the others in its group are stored', async () => {
    const store = await openFile()
    const { tags } = tablesOf(store.db)
    const failing = store.transaction(async (tx) => {
      await tx.insert(tags).values({ name: 'failing', toolTip: '', nameKey: 'failing' })
      throw new Error('this save is refused')
    })
    const results = await Promise.allSettled([
      addTag(store, 'before'),
      failing,
      addTag(store, 'after'),
      // A unique key broken by the database itself, not by the save's own code.
      addTag(store, 'before'),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected'])
    expect(await committedTags(store)).toEqual(['after', 'before'])
  })

  it('runs the saves before one that fails after writing again, in order, and stores each once', async () => {
    const store = await openFile()
    const { tags } = tablesOf(store.db)
    const runs: string[] = []
    const counted = (name: string) =>
      store.transaction(async (tx) => {
        runs.push(name)
        await tx.insert(tags).values({ name, toolTip: '', nameKey: name })
        return name
      })
    const failing = () =>
      store.transaction(async (tx) => {
        runs.push('failing')
        await tx.insert(tags).values({ name: 'failing', toolTip: '', nameKey: 'failing' })
        throw new Error('this save is refused after it wrote')
      })
    const results = await Promise.allSettled([
      counted('one'),
      counted('two'),
      failing(),
      counted('three'),
    ])
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ])
    expect(runs).toEqual(['one', 'two', 'failing', 'one', 'two', 'three'])
    expect(await committedTags(store)).toEqual(['one', 'three', 'two'])
  })

  it('runs nothing again when a save fails before it wrote a row', async () => {
    const store = await openFile()
    let refusedRuns = 0
    const refused = () =>
      store.transaction(async (tx) => {
        refusedRuns += 1
        const { tags } = tablesOf(store.db)
        await tx.select().from(tags)
        throw new Error('this save is refused before it wrote')
      })
    const groupsBefore = store.transactionsEnded() ?? Number.NaN
    const results = await Promise.allSettled([
      addTag(store, 'one'),
      refused(),
      addTag(store, 'two'),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(refusedRuns).toBe(1)
    // One group, never rolled back and begun again.
    expect((store.transactionsEnded() ?? Number.NaN) - groupsBefore).toBe(1)
    expect(await committedTags(store)).toEqual(['one', 'two'])
  })

  it('acknowledges none of a group whose COMMIT fails, and stores none of it', async () => {
    const store = await openFile()
    const { ticketTags } = tablesOf(store.db)
    const client = store.native.db.$client
    // A foreign key checked only at COMMIT: the row's ticket and tag do not exist.
    const breaksTheCommit = store.transaction(async (tx) => {
      client.pragma('defer_foreign_keys = ON')
      await tx.insert(ticketTags).values({ ticketId: 987_654, tagId: 987_654, position: 0 })
    })
    const results = await Promise.allSettled([
      addTag(store, 'one'),
      breaksTheCommit,
      addTag(store, 'two'),
    ])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    for (const result of results) {
      expect(String((result as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/)
    }
    expect(await committedTags(store)).toEqual([])
    expect(client.inTransaction).toBe(false)
    // The connection is usable again afterwards.
    expect(await addTag(store, 'three')).toBe('three')
    expect(await committedTags(store)).toEqual(['three'])
  })

  it('answers no save before its COMMIT, and no reader sees its rows before then', async () => {
    const store = await openFile()
    let firstAcknowledged = false
    const first = addTag(store, 'first').then((name) => {
      firstAcknowledged = true
      return name
    })
    // Joins the first one's group: it runs after the first save wrote, before their COMMIT.
    const seenInGroup = store.transaction(async () => ({
      acknowledged: firstAcknowledged,
      committed: await committedTags(store),
    }))
    expect(await seenInGroup).toEqual({ acknowledged: false, committed: [] })
    expect(await first).toBe('first')
    expect(await committedTags(store)).toEqual(['first'])
  })

  it('lets the transactions of the next turns join a group while each turn brings more', async () => {
    const store = await openFile()
    // An SQLite store counts its groups (the type allows stores that do not).
    const groupsEnded = () => store.transactionsEnded() ?? Number.NaN
    const groupsBefore = groupsEnded()
    const saves: Promise<string>[] = []
    for (let t = 0; t <= maxExtraTurns; t += 1) {
      saves.push(...['a', 'b', 'c'].map((name) => addTag(store, `${name}${t}`)))
      await nextTurn()
    }
    const all = 3 * (maxExtraTurns + 1)
    expect((await Promise.all(saves)).length).toBe(all)
    expect(groupsEnded() - groupsBefore).toBe(1)
    expect((await committedTags(store)).length).toBe(all)
  })

  it('commits a save that arrives alone in the next turn, waiting for no other', async () => {
    const store = await openFile()
    let answered = false
    const save = addTag(store, 'alone').then(() => {
      answered = true
    })
    await nextTurn()
    expect(answered).toBe(true)
    await save
  })

  it('starts a group within a bounded number of turns when saves never stop coming', async () => {
    const store = await openFile()
    let answeredAtTurn: number | undefined
    const saves: Promise<string>[] = []
    // Two in the first turn (so the group waits for more), then one in every turn.
    const first = addTag(store, 'stream-first')
    void first.then(() => {
      answeredAtTurn ??= saves.length
    })
    saves.push(first)
    for (let t = 0; t < 4 * (maxExtraTurns + 1); t += 1) {
      saves.push(addTag(store, `stream-${t}`))
      await nextTurn()
    }
    await Promise.all(saves)
    // The first save's group started after at most `maxExtraTurns` turns beyond its first.
    expect(answeredAtTurn).toBeDefined()
    expect(answeredAtTurn).toBeLessThanOrEqual(maxExtraTurns + 3)
  })

  it('closes only after the saves it was given have committed', async () => {
    const file = sqliteFile()
    cleanups.push(file.remove)
    const store = await openStore(file.url)
    const saved = store.transaction(async (tx) => {
      const { tags } = tablesOf(store.db)
      await tx.insert(tags).values({ name: 'late', toolTip: '', nameKey: 'late' })
    })
    await store.close()
    await saved
    const reopened = await openStore(file.url)
    cleanups.push(() => reopened.close())
    const { tags } = tablesOf(reopened.db)
    const rows = await reopened.reader.select({ n: sql<number>`count(*)` }).from(tags)
    expect(rows[0]?.n).toBe(1)
  })
})
