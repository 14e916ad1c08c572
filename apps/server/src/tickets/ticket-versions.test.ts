import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { seeder } from '../test/seed.ts'
import { openTestStore } from '../test/stores.ts'
import { sqliteFile } from '../test/temp-database.ts'
import { findTicketVersion } from './ticket-rows.ts'
import { createTicketVersions } from './ticket-versions.ts'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup()
  }
})

async function openFile(): Promise<{ store: Store; url: string }> {
  const file = sqliteFile()
  cleanups.push(file.remove)
  const store = await openStore(file.url)
  cleanups.push(() => store.close())
  return { store, url: file.url }
}

/** The versions as the ticket service asks them, counting the reads that reach the database. */
function countedVersions(store: Store) {
  const counted = { reads: 0 }
  const versionOf = createTicketVersions(store, (id) => {
    counted.reads += 1
    return findTicketVersion(store.reader, tablesOf(store.db), id)
  })
  return { versionOf, counted }
}

const seedTicket = (store: Store) =>
  store.transaction((tx) => seeder(tx, tablesOf(store.db)).ticket({ revision: 1 }))

const setRevision = (store: Store, id: number, revision: number) => {
  const { tickets } = tablesOf(store.db)
  return (tx: Parameters<Parameters<Store['transaction']>[0]>[0]) =>
    tx.update(tickets).set({ revision }).where(eq(tickets.ticketId, id))
}

describe('ticket versions on an SQLite file (one process writes it)', () => {
  it('reads a version once until a transaction ends, then reads the new one', async () => {
    const { store } = await openFile()
    const id = await seedTicket(store)
    const { versionOf, counted } = countedVersions(store)
    expect((await versionOf(id))?.revision).toBe(1)
    expect((await versionOf(id))?.revision).toBe(1)
    expect(counted.reads).toBe(1)
    await store.transaction(async (tx) => {
      await setRevision(store, id, 2)(tx)
    })
    expect((await versionOf(id))?.revision).toBe(2)
    expect(counted.reads).toBe(2)
  })

  it('does not keep what it read while a transaction was open past its commit', async () => {
    const { store } = await openFile()
    const id = await seedTicket(store)
    const { versionOf } = countedVersions(store)
    let during: number | undefined
    await store.transaction(async (tx) => {
      await setRevision(store, id, 3)(tx)
      // The reader sees committed data only: the old revision, until the COMMIT.
      during = (await versionOf(id))?.revision
    })
    expect(during).toBe(1)
    expect((await versionOf(id))?.revision).toBe(3)
  })

  it('asks again for a ticket that was missing (tickets:import adds them from its own process)', async () => {
    const { store, url } = await openFile()
    const { versionOf } = countedVersions(store)
    expect(await versionOf(4242)).toBeUndefined()
    // Another connection to the same file, as tickets:import opens it.
    const other = await openStore(url)
    cleanups.push(() => other.close())
    await seeder(other.db, tablesOf(other.db)).ticket({ ticketId: 4242, revision: 1 })
    expect((await versionOf(4242))?.revision).toBe(1)
  })
})

describe('ticket versions in an SQLite database in memory (its reader is the writer)', () => {
  it('forgets what it read inside a transaction that rolled back', async () => {
    const store = await openTestStore('sqlite')
    const id = await seedTicket(store)
    const { versionOf } = countedVersions(store)
    let during: number | undefined
    await expect(
      store.transaction(async (tx) => {
        await setRevision(store, id, 7)(tx)
        during = (await versionOf(id))?.revision
        throw new Error('refused')
      })
    ).rejects.toThrow('refused')
    expect(during).toBe(7)
    expect((await versionOf(id))?.revision).toBe(1)
  })
})

describe('ticket versions on PostgreSQL (other processes write it)', () => {
  it('reads every time', async () => {
    const store = await openTestStore('pg')
    const id = await seedTicket(store)
    const { versionOf, counted } = countedVersions(store)
    await versionOf(id)
    await versionOf(id)
    expect(counted.reads).toBe(2)
    expect(store.transactionsEnded()).toBeUndefined()
  })
})
