import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { pgStatementsDuring } from '../test/pg-round-trips.ts'
import { testServerUrl } from '../test/postgres.ts'
import { openTestStore } from '../test/stores.ts'
import type { Db } from './store.ts'
import { tablesOf } from './tables-of.ts'
import { writeLater } from './write-later.ts'

const tagRow = (name: string) => ({ name, nameKey: name.toLowerCase(), toolTip: '' })

/** The id of the PostgreSQL transaction `tx` runs in: equal ids mean one shared COMMIT. */
async function transactionId(tx: Db): Promise<string> {
  const rows = (await (
    tx as unknown as { execute(q: unknown): Promise<{ rows: unknown[] }> }
  ).execute(sql`select txid_current()::text as id`)) as { rows: { id: string }[] }
  return rows.rows[0]?.id ?? ''
}

async function tagNames(store: Awaited<ReturnType<typeof openTestStore<'pg'>>>) {
  const t = tablesOf(store.db)
  return (await store.db.select().from(t.tags))
    .map((row) => row.nameKey)
    .sort((a, b) => a.localeCompare(b))
}

describe('transactions on PostgreSQL, committed in groups', () => {
  it('runs the transactions asked for in one turn in one transaction, and each gets its answer', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    const answers = await Promise.all(
      ['a', 'b', 'c', 'd'].map((name) =>
        store.transaction(async (tx) => {
          await writeLater(tx, () => tx.insert(t.tags).values(tagRow(name)).execute())
          return { name, in: await transactionId(tx) }
        })
      )
    )
    expect(answers.map((a) => a.name)).toEqual(['a', 'b', 'c', 'd'])
    expect(new Set(answers.map((a) => a.in)).size).toBe(1)
    expect(await tagNames(store)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('sends no savepoint for a transaction whose writes were all held when it ended', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    const sent = await pgStatementsDuring(testServerUrl, () =>
      Promise.all(
        ['a', 'b', 'c', 'd'].map((name) =>
          store.transaction((tx) =>
            writeLater(tx, () => tx.insert(t.tags).values(tagRow(name)).execute())
          )
        )
      )
    )
    // BEGIN, each transaction's insert, COMMIT: no SAVEPOINT or RELEASE around them.
    expect(sent).toBe(6)
    expect(await tagNames(store)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('rolls back all a transaction sent when it throws after holding more writes', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    const hold = (tx: Db, name: string) =>
      writeLater(tx, () => tx.insert(t.tags).values(tagRow(name)).execute())
    const outcomes = await Promise.allSettled([
      store.transaction(async (tx) => {
        await hold(tx, 'sent-then-thrown')
        // The read sends the held write (and the savepoint before it).
        await tx.select().from(t.tags)
        await hold(tx, 'held-then-thrown')
        throw new Error('changed my mind')
      }),
      store.transaction((tx) => hold(tx, 'kept')),
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled'])
    expect(await tagNames(store)).toEqual(['kept'])
  })

  it('rolls back only a transaction that throws; the others of its group commit', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    const outcomes = await Promise.allSettled(
      ['keep-1', 'thrown', 'keep-2'].map((name) =>
        store.transaction(async (tx) => {
          await tx.insert(t.tags).values(tagRow(name))
          await writeLater(tx, () =>
            tx
              .insert(t.tags)
              .values(tagRow(`${name}-held`))
              .execute()
          )
          if (name === 'thrown') {
            throw new Error('changed my mind')
          }
          return transactionId(tx)
        })
      )
    )
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('changed my mind')
    expect(await tagNames(store)).toEqual(['keep-1', 'keep-1-held', 'keep-2', 'keep-2-held'])
  })

  it('fails a transaction that throws before sending anything, and the group goes on', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    const outcomes = await Promise.allSettled(
      ['first', 'refused', 'last'].map((name) =>
        store.transaction(async (tx) => {
          if (name === 'refused') {
            // As a save refuses a body it checked: nothing sent, only its savepoint was due.
            throw new Error('invalid body')
          }
          await writeLater(tx, () => tx.insert(t.tags).values(tagRow(name)).execute())
          return transactionId(tx)
        })
      )
    )
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('invalid body')
    const [first, , last] = outcomes as PromiseFulfilledResult<string>[]
    expect(first?.value).toBe(last?.value)
    expect(await tagNames(store)).toEqual(['first', 'last'])
  })

  it('fails only the transaction whose held write the database refuses, with that refusal', async () => {
    const { store, outcomes } = await heldInsertsAroundTakenTag((insert) => insert())
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    const reason = (outcomes[1] as PromiseRejectedResult).reason as { cause?: { code?: string } }
    expect(reason.cause?.code).toBe('23505')
    expect(await tagNames(store)).toEqual(['first', 'last', 'taken'])
  })

  it('reads the refusal through the errors wrapped around it, as a save wraps a failed tag check', async () => {
    const { store, outcomes } = await heldInsertsAroundTakenTag((insert, name) =>
      insert().catch((error: unknown) => {
        // Drizzle's error holds PostgreSQL's; this one holds Drizzle's.
        throw new Error(`could not keep ${name}`, { cause: error })
      })
    )
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('could not keep taken')
    expect(await tagNames(store)).toEqual(['first', 'last', 'taken'])
  })

  it('runs again a transaction that read after another one broke the group', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    await store.transaction(async (tx) => tx.insert(t.tags).values(tagRow('taken')))
    let runsOfTheReader = 0
    const outcomes = await Promise.allSettled([
      store.transaction(async (tx) => {
        await writeLater(tx, () => tx.insert(t.tags).values(tagRow('taken')).execute())
      }),
      store.transaction(async (tx) => {
        runsOfTheReader += 1
        // Sent after the refused write: PostgreSQL refuses it too, for the other's sake.
        const rows = await tx.select().from(t.tags)
        await tx.insert(t.tags).values(tagRow(`reader-saw-${rows.length}`))
      }),
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled'])
    expect(runsOfTheReader).toBe(2)
    // Run again alone, it saw only the committed row.
    expect(await tagNames(store)).toEqual(['reader-saw-1', 'taken'])
  })

  it('fails a transaction with its own refused statement and keeps the group going', async () => {
    const { store, outcomes } = await threeAroundTakenTag(
      ['before', 'taken', 'after'],
      async (tx, name) => {
        const t = tablesOf(tx)
        await tx.insert(t.tags).values(tagRow(`${name}-sent`))
        // Awaited: the refusal is this transaction's own error.
        await tx.insert(t.tags).values(tagRow(name))
        return transactionId(tx)
      }
    )
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    const [before, , after] = outcomes as PromiseFulfilledResult<string>[]
    // Not run again: the two kept transactions committed together.
    expect(before?.value).toBe(after?.value)
    expect(await tagNames(store)).toEqual(['after', 'after-sent', 'before', 'before-sent', 'taken'])
  })

  it('runs again, alone, a transaction PostgreSQL refused to break a deadlock between two groups', async () => {
    const store = await openTestStore('pg')
    const t = tablesOf(store.db)
    await store.transaction(async (tx) => tx.insert(t.tags).values([tagRow('x'), tagRow('y')]))
    const lock = (tx: Db, name: string) =>
      (tx as unknown as { execute(q: unknown): Promise<unknown> }).execute(
        sql`select id from tags where name_key = ${name} for update`
      )
    const runs: string[] = []
    const crossing = (name: string, first: string, second: string, pauseMs: number) =>
      store.transaction(async (tx) => {
        runs.push(name)
        await lock(tx, first)
        await new Promise((resolve) => setTimeout(resolve, pauseMs))
        await lock(tx, second)
        await tx.insert(t.tags).values(tagRow(`${name}-done-${runs.length}`))
      })
    const bystander = (name: string) =>
      store.transaction(async (tx) => tx.insert(t.tags).values(tagRow(name)))
    // Two jobs each, asked for in two turns: two groups, on two connections, at once.
    const first = [crossing('a', 'x', 'y', 300), bystander('a-bystander')]
    await new Promise((resolve) => setTimeout(resolve, 100))
    const second = [crossing('b', 'y', 'x', 0), bystander('b-bystander')]
    const outcomes = await Promise.allSettled([...first, ...second])
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ])
    // A crossing transaction PostgreSQL refused ran again, alone. On a loaded machine that run
    // can cross the other one's locks once more and be refused again, so it may take more than
    // one: each committed once all the same (below).
    expect(runs.length).toBeGreaterThanOrEqual(3)
    const names = await tagNames(store)
    expect(names.filter((n) => n.includes('-done-'))).toHaveLength(2)
    expect(names).toContain('a-bystander')
    expect(names).toContain('b-bystander')
  })
})

/**
 * Three transactions asked for in one turn, one per name, each running `body`; the tag
 * `taken` exists already, so the one named `taken` has its tag refused.
 */
async function threeAroundTakenTag<T>(
  names: [string, 'taken', string],
  body: (tx: Db, name: string) => Promise<T>
) {
  const store = await openTestStore('pg')
  const t = tablesOf(store.db)
  await store.transaction(async (tx) => tx.insert(t.tags).values(tagRow('taken')))
  const outcomes = await Promise.allSettled(
    names.map((name) => store.transaction((tx) => body(tx, name)))
  )
  return { store, outcomes }
}

/**
 * The same three as `first`, `taken` and `last`, each holding (sending only with what follows)
 * the insert of its tag through `write`.
 */
function heldInsertsAroundTakenTag(
  write: (insert: () => Promise<unknown>, name: string) => Promise<unknown>
) {
  return threeAroundTakenTag(['first', 'taken', 'last'], async (tx, name) => {
    const t = tablesOf(tx)
    await writeLater(tx, () => write(() => tx.insert(t.tags).values(tagRow(name)).execute(), name))
    return name
  })
}
