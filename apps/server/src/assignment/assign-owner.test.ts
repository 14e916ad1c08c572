import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { seeder } from '../test/seed.ts'
import { type TestDialect as Dialect, openTestStore } from '../test/stores.ts'
import { assignOwner } from './assign-owner.ts'

/** One save: pick the owner and insert the ticket in the same transaction, as the save path does. */
async function saveAuto(store: Store, categoryId: number | null, personId: number | null = null) {
  return store.transaction(async (tx) => {
    const owner = await assignOwner(tx, { categoryId, personId })
    await seeder(tx, tablesOf(store.db)).ticket({ ownedById: owner, categoryId, personId })
    return owner
  })
}

async function saveMany(store: Store, categoryId: number, count: number) {
  const owners: Array<number | null> = []
  for (let i = 0; i < count; i += 1) {
    owners.push(await saveAuto(store, categoryId))
  }
  return owners
}

const tally = (owners: Array<number | null>) => {
  const counts = new Map<number | null, number>()
  for (const owner of owners) {
    counts.set(owner, (counts.get(owner) ?? 0) + 1)
  }
  return counts
}

async function setup(dialect: Dialect) {
  const store = await openTestStore(dialect)
  const seed = seeder(store.db, tablesOf(store.db))
  const team = [await seed.associate(), await seed.associate(), await seed.associate()]
  return { store, seed, team }
}

describe.each<Dialect>(['sqlite', 'pg'])('assignOwner on %s', { timeout: 30_000 }, (dialect) => {
  it('Even: round-robin in position order, exactly equal over 60 saves', async () => {
    const { store, seed, team } = await setup(dialect)
    const extra = await seed.associate()
    const members = [...team, extra]
    const category = await seed.category(
      { delegateMethod: 'Even' },
      members.map((associateId) => ({ associateId }))
    )
    const owners = await saveMany(store, category, 60)
    expect(owners.slice(0, 8)).toEqual([...members, ...members])
    expect([...tally(owners).entries()].sort()).toEqual(members.map((id) => [id, 15]).sort())
  })

  it('Weighted 1/2/5: exactly 1/2/5 in every cycle of 8 over 80 saves', async () => {
    const { store, seed, team } = await setup(dialect)
    const weights = [1, 2, 5]
    const category = await seed.category(
      { delegateMethod: 'Weighted' },
      team.map((associateId, i) => ({ associateId, weight: weights[i] }))
    )
    const owners = await saveMany(store, category, 80)
    for (let cycle = 0; cycle < 10; cycle += 1) {
      const counts = tally(owners.slice(cycle * 8, cycle * 8 + 8))
      expect(team.map((id) => counts.get(id))).toEqual(weights)
    }
    // Smooth: the heaviest member never gets more than 2 in a row with these weights.
    const runs = owners.join(',').split(String(team[2])).length
    expect(runs).toBeGreaterThan(1)
    expect(owners.join(',')).not.toContain(Array(3).fill(team[2]).join(','))
  })

  it('Unfair: the member with the fewest open tickets, ties by position', async () => {
    const { store, seed, team } = await setup(dialect)
    const [a, b, c] = team as [number, number, number]
    const category = await seed.category(
      { delegateMethod: 'Unfair' },
      team.map((associateId) => ({ associateId }))
    )
    // a: 3 open; b: 1 open + closed and deleted ones that do not count; c: 1 postponed.
    for (let i = 0; i < 3; i += 1) {
      await seed.ticket({ ownedById: a })
    }
    await seed.ticket({ ownedById: b })
    await seed.ticket({ ownedById: b, baseStatus: 'Closed' })
    await seed.ticket({ ownedById: b, deletedAt: new Date().toISOString() })
    await seed.ticket({ ownedById: b, baseStatus: 'Closed' })
    await seed.ticket({ ownedById: c, baseStatus: 'Postponed' })
    expect(await saveAuto(store, category)).toBe(b) // b and c tie at 1: b comes first
    expect(await saveAuto(store, category)).toBe(c)
    // Now 3/2/2: the next ones level everyone, then share evenly.
    const owners = await saveMany(store, category, 11)
    expect([...tally(owners).entries()].sort()).toEqual(
      [
        [a, 3],
        [b, 4],
        [c, 4],
      ].sort()
    )
  })

  it('Not and Unknown stay unassigned; so does a ticket without category', async () => {
    const { store, seed, team } = await setup(dialect)
    const members = team.map((associateId) => ({ associateId }))
    const not = await seed.category(
      { delegateMethod: 'Not', flags: 'DefaultToCategoryMaster', categoryMaster: team[0] },
      members
    )
    const unknown = await seed.category({ delegateMethod: 'Unknown' }, members)
    expect(await saveMany(store, not, 5)).toEqual([null, null, null, null, null])
    expect(await saveAuto(store, unknown)).toBeNull()
    expect(await saveAuto(store, null)).toBeNull()
    const missing = store.transaction((tx) =>
      assignOwner(tx, { categoryId: 987654, personId: null })
    )
    expect(await missing).toBeNull()
  })

  it('DelegateToOurContact: the person’s support associate first, unless deleted', async () => {
    const { store, seed, team } = await setup(dialect)
    const contact = await seed.associate()
    const withContact = await seed.person({ supportAssociateId: contact })
    const withoutContact = await seed.person({ supportAssociateId: 0 })
    const category = await seed.category(
      { delegateMethod: 'Even', flags: 'Internal, DelegateToOurContact' },
      team.map((associateId) => ({ associateId }))
    )
    const plain = await seed.category(
      { delegateMethod: 'Even' },
      team.map((associateId) => ({ associateId }))
    )
    expect(await saveAuto(store, category, withContact)).toBe(contact)
    expect(await saveAuto(store, category, withContact)).toBe(contact)
    expect(await saveAuto(store, category, withoutContact)).toBe(team[0])
    expect(await saveAuto(store, category, null)).toBe(team[1])
    expect(await saveAuto(store, plain, withContact)).toBe(team[0])
    await store.db
      .update(tablesOf(store.db).associates)
      .set({ deleted: true })
      .where(eq(tablesOf(store.db).associates.associateId, contact))
    expect(await saveAuto(store, category, withContact)).toBe(team[2])
  })

  it('DefaultToCategoryMaster: the master when every member is deleted', async () => {
    const { store, seed, team } = await setup(dialect)
    const master = await seed.associate()
    const members = team.map((associateId) => ({ associateId }))
    const withMaster = await seed.category(
      { delegateMethod: 'Even', flags: 'DefaultToCategoryMaster', categoryMaster: master },
      members
    )
    const withoutFlag = await seed.category(
      { delegateMethod: 'Weighted', categoryMaster: master },
      members
    )
    const empty = await seed.category({
      delegateMethod: 'Unfair',
      flags: 'DefaultToCategoryMaster',
      categoryMaster: master,
    })
    for (const id of team) {
      await store.db
        .update(tablesOf(store.db).associates)
        .set({ deleted: true })
        .where(eq(tablesOf(store.db).associates.associateId, id))
    }
    expect(await saveMany(store, withMaster, 3)).toEqual([master, master, master])
    expect(await saveAuto(store, withoutFlag)).toBeNull()
    expect(await saveAuto(store, empty)).toBe(master)
    await store.db
      .update(tablesOf(store.db).associates)
      .set({ deleted: true })
      .where(eq(tablesOf(store.db).associates.associateId, master))
    expect(await saveAuto(store, withMaster)).toBeNull()
  })

  it('skips a deleted member without breaking the rotation', async () => {
    const { store, seed, team } = await setup(dialect)
    const [a, b, c] = team as [number, number, number]
    const category = await seed.category(
      { delegateMethod: 'Even' },
      team.map((associateId) => ({ associateId }))
    )
    expect(await saveMany(store, category, 2)).toEqual([a, b])
    await store.db
      .update(tablesOf(store.db).associates)
      .set({ deleted: true })
      .where(eq(tablesOf(store.db).associates.associateId, c))
    expect(await saveMany(store, category, 4)).toEqual([a, b, a, b])
  })

  it('rolls the cursor back with the save: a failed save does not consume a turn', async () => {
    const { store, seed, team } = await setup(dialect)
    const category = await seed.category(
      { delegateMethod: 'Even' },
      team.map((associateId) => ({ associateId }))
    )
    expect(await saveAuto(store, category)).toBe(team[0])
    await expect(
      store.transaction(async (tx) => {
        await assignOwner(tx, { categoryId: category, personId: null })
        throw new Error('validation failed later in the save')
      })
    ).rejects.toThrow('validation failed')
    expect(await saveAuto(store, category)).toBe(team[1])
  })
})

describe('assignOwner under concurrent saves on PostgreSQL', { timeout: 30_000 }, () => {
  it('Even: 20 parallel transactions give each of 4 members exactly 5', async () => {
    const store = await openTestStore('pg')
    const seed = seeder(store.db, tablesOf(store.db))
    const members: number[] = []
    for (let i = 0; i < 4; i += 1) {
      members.push(await seed.associate())
    }
    const category = await seed.category(
      { delegateMethod: 'Even' },
      members.map((associateId) => ({ associateId }))
    )
    const owners = await Promise.all(Array.from({ length: 20 }, () => saveAuto(store, category)))
    expect(members.map((id) => tally(owners).get(id))).toEqual([5, 5, 5, 5])
  })

  it('Weighted and Unfair: 24 parallel transactions keep exact shares', async () => {
    const store = await openTestStore('pg')
    const seed = seeder(store.db, tablesOf(store.db))
    const team = [await seed.associate(), await seed.associate(), await seed.associate()]
    const weighted = await seed.category(
      { delegateMethod: 'Weighted' },
      team.map((associateId, i) => ({ associateId, weight: i + 1 }))
    )
    const unfair = await seed.category(
      { delegateMethod: 'Unfair' },
      team.map((associateId) => ({ associateId }))
    )
    const byWeight = await Promise.all(Array.from({ length: 24 }, () => saveAuto(store, weighted)))
    expect(team.map((id) => tally(byWeight).get(id))).toEqual([4, 8, 12])
    // Unfair counts every open ticket: after the weighted ones it levels the field to 20 each.
    const byLoad = await Promise.all(Array.from({ length: 36 }, () => saveAuto(store, unfair)))
    expect(team.map((id) => tally(byLoad).get(id))).toEqual([16, 12, 8])
  })
})
