import { Value } from '@sinclair/typebox/value'
import { describe, expect, it } from 'vitest'
import type { Store } from '../db/store.ts'
import { importTenant } from '../tenant/import-tenant.ts'
import { dialects, openTestStore } from '../test/stores.ts'
import { referenceSnapshot } from '../test/tenant/snapshot.ts'
import { demoTenant } from '../test/tenant/tenant-fixtures.ts'
import { carrierKindNames, carrierKinds } from './carrier-kinds.ts'
import { createCatalog } from './catalog.ts'
import { createReferenceReader } from './reference-reader.ts'

async function demoStore(dialect: (typeof dialects)[number]): Promise<Store> {
  const store = await openTestStore(dialect)
  await importTenant(store, demoTenant(), { now: () => new Date('2026-01-01T00:00:00.000Z') })
  return store
}

describe.each(dialects)('reference reader on %s', (dialect) => {
  it('returns complete carriers that satisfy their schema, for every row of every kind', async () => {
    const store = await demoStore(dialect)
    const reader = createReferenceReader(store.db)
    const ids = Array.from({ length: 20 }, (_, i) => i + 1)
    for (const kind of carrierKindNames) {
      const carriers = await reader.batch[kind](ids)
      expect(carriers.size, kind).toBeGreaterThan(0)
      for (const [id, carrier] of carriers) {
        const errors = [...Value.Errors(carrierKinds[kind].schema, carrier)].map(
          (e) => `${e.path} ${e.message}`
        )
        expect(errors, `${kind} ${id}`).toEqual([])
        expect(await reader[kind](id)).toEqual(carrier)
      }
    }
  }, 30_000)

  it('fills nested carriers, derives the tooltip and keeps storage-only columns off the wire', async () => {
    const store = await demoStore(dialect)
    const reader = createReferenceReader(store.db)
    const snapshot = await referenceSnapshot(store)
    const support = snapshot.categories.find((c) => c.name === 'Support')
    const open = snapshot.statuses.find((s) => s.name === 'Open')
    const category = await reader.category(support?.ticketCategoryId ?? 0)
    expect(category).toMatchObject({
      Name: 'Support',
      Fullname: 'Support',
      ParentId: -1,
      DelegateMethod: 'Even',
      Flags: 'NotifyMembers, ListInMain',
      DefaultMessageStatus: null,
      DefaultTicketStatus: {
        TicketStatusId: open?.ticketStatusId,
        Name: 'Open',
        Status: 'Active',
        TimeCounter: 'Internally',
        IsDefault: true,
        UsedInQueue: true,
        NoEmailReopen: false,
      },
    })
    expect(category).not.toHaveProperty('Members')
    expect(category).not.toHaveProperty('IsDefault')
    expect(category).not.toHaveProperty('AssignmentState')

    const bjorn = snapshot.associates.find((a) => a.userName === 'bjorn')
    const associate = await reader.associate(bjorn?.associateId ?? 0)
    expect(associate).toEqual({
      AssociateId: bjorn?.associateId,
      Name: 'BH',
      PersonId: 0,
      Rank: 2,
      Tooltip: 'Bjørn Hansen',
      Type: 'InternalAssociate',
      GroupIdx: 0,
      FullName: 'Bjørn Hansen',
      FormalName: 'Bjørn Hansen',
      Deleted: false,
      EjUserId: bjorn?.associateId,
      UserName: 'bjorn',
    })
    const [priority] = (
      await reader.batch.priority([snapshot.priorities[2]?.ticketPriorityId ?? 0])
    ).values()
    expect(priority).toMatchObject({
      Name: 'NO:"Høy";US:"High"',
      SatStart: '1970-01-01T00:00:00.000Z',
      NonDates: [],
      EscalationLevels: [],
    })
  }, 30_000)

  it('gives the default ids and the default status of each base status', async () => {
    const store = await demoStore(dialect)
    const reader = createReferenceReader(store.db)
    const s = await referenceSnapshot(store)
    const idOf = <T extends { name: string }>(rows: T[], name: string, key: (row: T) => number) => {
      const row = rows.find((r) => r.name === name)
      return row ? key(row) : undefined
    }
    expect(await reader.defaults()).toEqual({
      priorityId: idOf(s.priorities, 'NO:"Normal";US:"Medium"', (r) => r.ticketPriorityId),
      statusId: idOf(s.statuses, 'Open', (r) => r.ticketStatusId),
      categoryId: idOf(s.categories, 'Support', (r) => r.ticketCategoryId),
      ticketTypeId: idOf(s.ticketTypes, 'NO:"Henvendelse";US:"Request"', (r) => r.ticketTypeId),
    })
    expect(await reader.defaultStatusFor('Closed')).toBe(
      idOf(s.statuses, 'Closed', (r) => r.ticketStatusId)
    )
    expect(await reader.defaultStatusFor('PostponedWeek')).toBe(
      idOf(s.statuses, 'Postponed', (r) => r.ticketStatusId)
    )
    expect(await reader.defaultStatusFor('Spam')).toBeNull()
    expect(await reader.defaultStatusFor('NoSuchStatus')).toBeNull()
  }, 30_000)

  it("gives a category's members in position order, the catalog as the tables", async () => {
    const store = await demoStore(dialect)
    const reader = createReferenceReader(store.db)
    const catalog = createCatalog(store)
    const held = catalog.readerFor(store.db)
    const s = await referenceSnapshot(store)
    const userNameOf = new Map(s.associates.map((a) => [a.associateId, a.userName]))
    const support = s.categories.find((c) => c.name === 'Support')?.ticketCategoryId ?? 0
    // As the demo tenant lists them.
    expect((await reader.categoryMembers(support)).map((id) => userNameOf.get(id))).toEqual([
      'bjorn',
      'carla',
      'fredrik',
    ])
    for (const { ticketCategoryId } of s.categories) {
      expect(await held.categoryMembers(ticketCategoryId)).toEqual(
        await reader.categoryMembers(ticketCategoryId)
      )
    }
    expect(await held.categoryMembers(9999)).toEqual([])
    expect(await reader.categoryMembers(9999)).toEqual([])
    catalog.close()
  }, 30_000)

  it('answers undefined for ids that do not exist, and reads inside a transaction', async () => {
    const store = await demoStore(dialect)
    const reader = createReferenceReader(store.db)
    expect(await reader.person(9999)).toBeUndefined()
    expect(await reader.sale(0)).toBeUndefined()
    expect(await reader.project(-1)).toBeUndefined()
    expect(await reader.ticketType(2 ** 40)).toBeUndefined()
    const persons = await reader.batch.person([1, 2, 9999, 2])
    expect([...persons.keys()].sort()).toEqual([1, 2])
    const inTx = await store.transaction(async (tx) => createReferenceReader(tx).category(1))
    expect(inTx).toEqual(await reader.category(1))
  }, 30_000)
})

describe('reference reader on an empty tenant', () => {
  it('has null defaults', async () => {
    const store = await openTestStore('sqlite')
    expect(await createReferenceReader(store.db).defaults()).toEqual({
      priorityId: null,
      statusId: null,
      categoryId: null,
      ticketTypeId: null,
    })
  })
})
