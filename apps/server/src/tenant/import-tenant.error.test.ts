import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openTestStore } from '../test/stores.ts'
import { referenceSnapshot } from '../test/tenant/snapshot.ts'
import { smallTenant } from '../test/tenant/tenant-fixtures.ts'
import { importTenant } from './import-tenant.ts'
import { TenantFileError } from './tenant-file-error.ts'

const now = () => new Date('2026-01-01T00:00:00.000Z')

async function refusal(promise: Promise<unknown>): Promise<TenantFileError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof TenantFileError)) {
    throw new Error(`expected a TenantFileError, got ${String(error)}`)
  }
  return error
}

describe('importTenant refuses an invalid file', () => {
  it('lists every schema error as a JSON pointer and writes nothing', async () => {
    const store = await openTestStore('sqlite')
    const file = {
      Associates: [
        { UserName: 'ok', FullName: 'Ok', Name: 'OK', Email: 'ok@example.com' },
        { UserName: 'x', FullName: 'X', Name: 'X', Pasword: 'typo' },
      ],
      Statuses: [{ Name: 'Open', Status: 'Opened' }],
      Priorities: [{ Name: 'Low', MonStart: '25:00', Flags: 'Default, Loud' }],
      Categories: [
        { Name: 'Desk', DelegateMethod: 'Even', Members: [{ UserName: 'ok', Weight: -1 }] },
      ],
      Sales: [{ Title: 'S', Probability: 101 }],
      Colours: [],
    }
    const error = await refusal(importTenant(store, file, { now, source: 'bad.tenant.json' }))
    expect(error.issues.map((i) => i.path).sort()).toEqual(
      [
        '/Associates/1/Email',
        '/Associates/1/Pasword',
        '/Categories/0/Members/0/Weight',
        '/Colours',
        '/Priorities/0/Flags',
        '/Priorities/0/MonStart',
        '/Sales/0/Probability',
        '/Statuses/0/Status',
      ].sort()
    )
    expect(error.message).toContain('Invalid tenant file bad.tenant.json:')
    expect(error.message).toContain('/Statuses/0/Status: Expected one of Unknown, Active, Closed')
    expect(error.message).toContain('/Associates/1/Pasword: Unexpected property')
    expect((await referenceSnapshot(store)).associates).toEqual([])
  })

  it('lists unknown references, duplicates, second defaults and cycles, and writes nothing', async () => {
    const store = await openTestStore('sqlite')
    const file = smallTenant()
    file.Associates?.push({
      UserName: 'KARI',
      FullName: 'Kari Two',
      Name: 'K2',
      Email: 'k2@example.com',
    })
    file.Statuses?.push({ Name: 'Also default', Status: 'Active', IsDefault: true })
    file.Priorities?.push({ Name: 'Normal' })
    file.Categories = [
      {
        Name: 'A',
        ParentName: 'B',
        DelegateMethod: 'Even',
        Members: [{ UserName: 'nobody' }],
        IsDefault: true,
      },
      { Name: 'B', ParentName: 'A', DelegateMethod: 'Even', Members: [], IsDefault: true },
      {
        Name: 'C',
        ParentName: 'Missing',
        DelegateMethod: 'Not',
        CategoryMaster: 'ghost',
        DefaultTicketStatus: 'Gone',
        Members: [{ UserName: 'per' }, { UserName: 'Per' }],
      },
    ]
    file.TicketTypes = [{ Name: 'Q', DefaultTicketStatus: 'Nope', DefaultTicketPriority: 'Nah' }]
    file.Persons?.push({
      Firstname: 'A',
      Lastname: 'B',
      Email: 'x@example.org',
      SupportAssociate: 'zed',
    })
    file.Sales = [{ Title: 'S', Person: 'nobody@example.org', Associate: 'nobody' }]
    file.Projects = [{ Name: 'P', Associate: 'nobody' }]
    const error = await refusal(importTenant(store, file, { now, source: 'refs.json' }))
    expect(error.issues.map((i) => i.path).sort()).toEqual(
      [
        '/Associates/2',
        '/Categories/0/Members/0/UserName',
        '/Categories/0/ParentName',
        '/Categories/1',
        '/Categories/1/ParentName',
        '/Categories/2/CategoryMaster',
        '/Categories/2/DefaultTicketStatus',
        '/Categories/2/Members/1',
        '/Categories/2/ParentName',
        '/Persons/1/SupportAssociate',
        '/Priorities/2',
        '/Projects/0/Associate',
        '/Sales/0/Associate',
        '/Sales/0/Person',
        '/Statuses/3',
        '/TicketTypes/0/DefaultTicketPriority',
        '/TicketTypes/0/DefaultTicketStatus',
      ].sort()
    )
    const messages = Object.fromEntries(error.issues.map((i) => [i.path, i.message]))
    expect(messages['/Associates/2']).toBe('duplicate of /Associates/0')
    expect(messages['/Categories/2/CategoryMaster']).toBe('unknown associate "ghost"')
    expect(messages['/Categories/0/ParentName']).toBe('the parents form a cycle')
    expect(messages['/Statuses/3']).toBe('a second default Active status; /Statuses/1 is one')
    expect((await referenceSnapshot(store)).associates).toEqual([])
  })

  it('accepts references to rows already in the database', async () => {
    const store = await openTestStore('sqlite')
    await importTenant(store, smallTenant(), { now })
    const counts = await importTenant(
      store,
      {
        Categories: [
          {
            Name: 'Desk Scanners',
            ParentName: 'Desk',
            DelegateMethod: 'Even',
            Members: [{ UserName: 'kari' }],
          },
        ],
      },
      { now }
    )
    expect(counts.Categories.created).toBe(1)
    const categories = (await referenceSnapshot(store)).categories
    expect(categories.find((c) => c.name === 'Desk Scanners')?.fullname).toBe('Desk/Desk Scanners')
  }, 30_000)

  it('rolls the whole import back when a write fails midway', async () => {
    const store = await openTestStore('sqlite')
    // A SQLite trigger breaks the tags section, the last one, after every other section has
    // been written (test setup only; the import itself is dialect-neutral).
    store.native.db.run(
      sql`create trigger no_tags before insert on tags begin select raise(abort, 'no tags'); end`
    )
    await expect(importTenant(store, smallTenant(), { now })).rejects.toThrow(/no tags/)
    const snapshot = await referenceSnapshot(store)
    expect(snapshot.associates).toEqual([])
    expect(snapshot.categories).toEqual([])
  }, 30_000)
})
