import { describe, expect, it } from 'vitest'
import { verifyPassword } from '../auth/password.ts'
import { dialects, openTestStore } from '../test/stores.ts'
import { referenceSnapshot } from '../test/tenant/snapshot.ts'
import { demoTenant, smallTenant } from '../test/tenant/tenant-fixtures.ts'
import { importTenant } from './import-tenant.ts'

const at = (iso: string) => ({ now: () => new Date(iso) })

describe.each(dialects)('importTenant on %s', (dialect) => {
  it('imports the demo tenant; the same file again changes nothing (same ids, same rows)', async () => {
    const store = await openTestStore(dialect)
    const first = await importTenant(store, demoTenant(), at('2026-01-01T10:00:00.000Z'))
    expect(first.Associates).toEqual({ created: 7, updated: 0, unchanged: 0 })
    expect(first.Categories).toEqual({ created: 4, updated: 0, unchanged: 0 })
    expect(first.Persons).toEqual({ created: 10, updated: 0, unchanged: 0 })
    const before = await referenceSnapshot(store)
    expect(before.members).toHaveLength(12)

    const second = await importTenant(store, demoTenant(), at('2026-02-01T10:00:00.000Z'))
    for (const [section, count] of Object.entries(second)) {
      expect(count.created + count.updated, section).toBe(0)
      expect(count.unchanged, section).toBe(first[section as keyof typeof first].created)
    }
    expect(await referenceSnapshot(store)).toEqual(before)
  }, 30_000)

  it('updates a changed value in place, keeping the id and the row count', async () => {
    const store = await openTestStore(dialect)
    await importTenant(store, smallTenant(), at('2026-01-01T10:00:00.000Z'))
    const before = await referenceSnapshot(store)

    const changed = smallTenant()
    const person = changed.Persons?.[0]
    const desk = changed.Categories?.[0]
    const project = changed.Projects?.[0]
    if (!person || !desk || !project) {
      throw new Error('fixture changed')
    }
    person.DirectPhone = '+47 22 00 00 00'
    desk.DelegateMethod = 'Weighted'
    desk.Members = [{ UserName: 'per', Weight: 3 }]
    project.Description = 'Now with a description'
    const counts = await importTenant(store, changed, at('2026-03-01T12:00:00.000Z'))
    expect(counts.Persons).toEqual({ created: 0, updated: 1, unchanged: 0 })
    expect(counts.Categories).toEqual({ created: 0, updated: 1, unchanged: 1 })
    expect(counts.Projects).toEqual({ created: 0, updated: 1, unchanged: 0 })

    const after = await referenceSnapshot(store)
    expect(after.persons.map((p) => p.personId)).toEqual(before.persons.map((p) => p.personId))
    expect(after.persons[0]?.directPhone).toBe('+47 22 00 00 00')
    expect(after.categories.map((c) => c.ticketCategoryId)).toEqual(
      before.categories.map((c) => c.ticketCategoryId)
    )
    expect(after.categories[0]?.delegateMethod).toBe('Weighted')
    const per = after.associates.find((a) => a.userName === 'per')
    expect(after.members).toEqual([
      {
        ticketCategoryId: after.categories[0]?.ticketCategoryId,
        position: 0,
        associateId: per?.associateId,
        weight: 3,
      },
    ])
    expect(before.projects[0]?.updated).toBe('2026-01-01T10:00:00.000Z')
    expect(after.projects[0]?.updated).toBe('2026-03-01T12:00:00.000Z')
    expect(after.projects[0]?.description).toBe('Now with a description')
  }, 30_000)
})

describe('importTenant', () => {
  it('hashes plain passwords, and re-hashes only when the password changed', async () => {
    const store = await openTestStore('sqlite')
    await importTenant(store, smallTenant(), at('2026-01-01T00:00:00.000Z'))
    const [kari] = (await referenceSnapshot(store)).associates
    expect(kari?.passwordHash).toMatch(/^scrypt\$/)
    expect(await verifyPassword('kari-pass', kari?.passwordHash ?? '')).toBe(true)
    const per = (await referenceSnapshot(store)).associates[1]
    expect(per?.passwordHash).toBeNull()

    const again = await importTenant(store, smallTenant(), at('2026-01-02T00:00:00.000Z'))
    expect(again.Associates.unchanged).toBe(2)
    expect((await referenceSnapshot(store)).associates[0]?.passwordHash).toBe(kari?.passwordHash)

    const changed = smallTenant()
    const first = changed.Associates?.[0]
    if (first) {
      first.Password = 'a-new-password'
    }
    const counts = await importTenant(store, changed, at('2026-01-03T00:00:00.000Z'))
    expect(counts.Associates).toEqual({ created: 0, updated: 1, unchanged: 1 })
    const rehashed = (await referenceSnapshot(store)).associates[0]?.passwordHash ?? ''
    expect(await verifyPassword('a-new-password', rehashed)).toBe(true)
    expect(await verifyPassword('kari-pass', rehashed)).toBe(false)
  }, 30_000)

  it('matches user names, emails and tags case-insensitively', async () => {
    const store = await openTestStore('sqlite')
    await importTenant(store, smallTenant(), at('2026-01-01T00:00:00.000Z'))
    const shouting = smallTenant()
    for (const a of shouting.Associates ?? []) {
      a.UserName = a.UserName.toUpperCase()
    }
    for (const p of shouting.Persons ?? []) {
      p.Email = p.Email.toUpperCase()
    }
    for (const t of shouting.Tags ?? []) {
      t.Name = t.Name.toLowerCase()
    }
    const counts = await importTenant(store, shouting, at('2026-01-01T00:00:00.000Z'))
    expect(counts.Associates.created + counts.Persons.created + counts.Tags.created).toBe(0)
    const snapshot = await referenceSnapshot(store)
    expect(snapshot.associates.map((a) => a.userName)).toEqual(['KARI', 'PER'])
    expect(snapshot.persons).toHaveLength(1)
    expect(snapshot.tags.map((t) => [t.name, t.nameKey])).toEqual([['vip', 'vip']])
  }, 30_000)

  it('keeps exactly one default per kind, the first one when the file marks none', async () => {
    const store = await openTestStore('sqlite')
    await importTenant(store, smallTenant(), at('2026-01-01T00:00:00.000Z'))
    let s = await referenceSnapshot(store)
    const defaultsOf = () => ({
      statuses: s.statuses.filter((x) => x.isDefault).map((x) => x.name),
      priorities: s.priorities.filter((x) => x.flags.includes('Default')).map((x) => x.name),
      categories: s.categories.filter((x) => x.isDefault).map((x) => x.name),
      types: s.ticketTypes.filter((x) => x.isDefault).map((x) => x.name),
    })
    expect(defaultsOf()).toEqual({
      statuses: ['Waiting', 'Closed'],
      priorities: ['Normal'],
      categories: ['Desk'],
      types: ['Question'],
    })
    expect(s.priorities.map((p) => p.flags)).toEqual(['Default', 'External'])

    const other = smallTenant()
    other.Statuses = [{ Name: 'Open', Status: 'Active', IsDefault: true }]
    other.Priorities = [{ Name: 'Urgent', Flags: 'Default, External' }]
    other.Categories = [
      { Name: 'Desk Printers', DelegateMethod: 'Not', Members: [], IsDefault: true },
    ]
    other.TicketTypes = [{ Name: 'Incident', IsDefault: true }]
    await importTenant(store, other, at('2026-01-02T00:00:00.000Z'))
    s = await referenceSnapshot(store)
    expect(defaultsOf()).toEqual({
      statuses: ['Open', 'Closed'],
      priorities: ['Urgent'],
      categories: ['Desk Printers'],
      types: ['Incident'],
    })
  }, 30_000)

  it('builds category paths from parents and resolves references by natural key', async () => {
    const store = await openTestStore('sqlite')
    const file = smallTenant()
    // Children before parents in the file: the import orders them itself.
    file.Categories = [...(file.Categories ?? [])].reverse()
    await importTenant(store, file, at('2026-01-01T00:00:00.000Z'))
    const s = await referenceSnapshot(store)
    const desk = s.categories.find((c) => c.name === 'Desk')
    const child = s.categories.find((c) => c.name === 'Desk Printers')
    expect(desk?.parentId).toBe(-1)
    expect(child?.parentId).toBe(desk?.ticketCategoryId)
    expect(child?.fullname).toBe('Desk/Desk Printers')
    const [kari, per] = s.associates
    expect(s.members.map((m) => m.associateId)).toEqual([kari?.associateId, per?.associateId])
    expect(s.members.map((m) => m.weight)).toEqual([1, 1])
    expect(s.persons[0]).toMatchObject({
      supportAssociateId: kari?.associateId,
      associateName: 'Kari Lie',
      fullName: 'Ola Nordmann',
    })
    expect(s.sales[0]).toMatchObject({
      personId: s.persons[0]?.personId,
      personFullName: 'Ola Nordmann',
      weightedAmount: 500,
    })
    const urgent = s.priorities.find((p) => p.name === 'Urgent')
    expect(s.ticketTypes[0]?.defaultTicketPriority).toBe(urgent?.ticketPriorityId)
    expect(s.projects[0]?.associateId).toBe(per?.associateId)
  }, 30_000)

  it('never demotes or locks out an existing admin that the file names without IsAdmin', async () => {
    const store = await openTestStore('sqlite')
    await importTenant(
      store,
      {
        Associates: [
          {
            UserName: 'boss',
            Password: 'boss-pass',
            FullName: 'Boss',
            Name: 'B',
            Email: 'b@example.com',
            IsAdmin: true,
          },
        ],
      },
      at('2026-01-01T00:00:00.000Z')
    )
    await importTenant(
      store,
      {
        Associates: [{ UserName: 'boss', FullName: 'The Boss', Name: 'B', Email: 'b@example.com' }],
      },
      at('2026-01-01T00:00:00.000Z')
    )
    const [boss] = (await referenceSnapshot(store)).associates
    expect(boss).toMatchObject({ fullName: 'The Boss', isAdmin: true })
    expect(await verifyPassword('boss-pass', boss?.passwordHash ?? '')).toBe(true)
  }, 30_000)
})
