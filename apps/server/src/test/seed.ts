import { getTableColumns, is, sql, type Table } from 'drizzle-orm'
import { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import { hashPassword } from '../auth/password.ts'
import type { Db, Tables } from '../db/store.ts'

// Test data written straight into the tables, for tests that must not depend on other routes.

/** A row with every required column at its empty value (0, '', false, {}, first enum name). */
function blankRow<T extends Table>(table: T): T['$inferInsert'] {
  const row: Record<string, unknown> = {}
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (!column.notNull || column.hasDefault || column.primary) {
      continue
    }
    const firstName = column.enumValues?.[0]
    row[key] =
      firstName ??
      { number: 0, string: '', boolean: false, json: {} }[column.dataType as string] ??
      null
  }
  return row as T['$inferInsert']
}

// scrypt is slow on purpose; tests reuse one hash per password instead of paying it per test.
const hashes = new Map<string, Promise<string>>()
export const hashOnce = (password: string) => {
  let hash = hashes.get(password)
  if (!hash) {
    hash = hashPassword(password)
    hashes.set(password, hash)
  }
  return hash
}

export interface Seeder {
  associate(fields?: Partial<Tables['associates']['$inferInsert']>): Promise<number>
  /** An associate who can sign in with Basic `userName:password`. */
  user(userName: string, password: string, isAdmin: boolean): Promise<number>
  person(fields?: Partial<Tables['persons']['$inferInsert']>): Promise<number>
  category(
    fields: Partial<Tables['ticketCategories']['$inferInsert']>,
    members?: Array<{ associateId: number; weight?: number }>
  ): Promise<number>
  ticket(fields?: Partial<Tables['tickets']['$inferInsert']>): Promise<number>
  priority(fields?: Partial<Tables['ticketPriorities']['$inferInsert']>): Promise<number>
}

/** Inserts through `db` with the store's own tables (SQLite or PostgreSQL). */
export function seeder(db: Db, t: Tables): Seeder {
  let serial = 0
  const associate: Seeder['associate'] = async (fields = {}) => {
    serial += 1
    const [row] = await db
      .insert(t.associates)
      .values({
        ...blankRow(t.associates),
        name: `A${serial}`,
        fullName: `Associate ${serial}`,
        type: 'InternalAssociate',
        language: 'US',
        ...fields,
      })
      .returning({ id: t.associates.associateId })
    return required(row).id
  }
  return {
    associate,
    user: async (userName, password, isAdmin) =>
      associate({ userName, passwordHash: await hashOnce(password), isAdmin }),
    person: async (fields = {}) => {
      const [row] = await db
        .insert(t.persons)
        .values({ ...blankRow(t.persons), firstname: 'Ola', lastname: 'Nordmann', ...fields })
        .returning({ id: t.persons.personId })
      return required(row).id
    },
    category: async (fields, members = []) => {
      const [row] = await db
        .insert(t.ticketCategories)
        .values({
          ...blankRow(t.ticketCategories),
          name: 'Support',
          parentId: -1,
          // No flags set, as a tenant file writes it (a blank row would hold an empty string).
          flags: 'Unknown',
          ...fields,
        })
        .returning({ id: t.ticketCategories.ticketCategoryId })
      const id = required(row).id
      if (members.length > 0) {
        await db.insert(t.categoryMembers).values(
          members.map((m, position) => ({
            ticketCategoryId: id,
            position,
            associateId: m.associateId,
            weight: m.weight ?? 1,
          }))
        )
      }
      return id
    },
    priority: async (fields = {}) => {
      const [row] = await db
        .insert(t.ticketPriorities)
        .values({
          ...blankRow(t.ticketPriorities),
          name: 'Seeded',
          status: 'Normal',
          flags: 'Unknown',
          nonDates: [],
          ...fields,
        })
        .returning({ id: t.ticketPriorities.ticketPriorityId })
      return required(row).id
    },
    ticket: async (fields = {}) => {
      const [row] = await db
        .insert(t.tickets)
        .values({ ...blankRow(t.tickets), title: 'Seeded', baseStatus: 'Active', ...fields })
        .returning({ id: t.tickets.ticketId })
      const { id } = required(row)
      // On SQLite the save, not a trigger, puts a new ticket's title on its way into the search
      // index (PostgreSQL's trigger covers this row): a seeded ticket is found as a saved one is.
      if (is(db, BaseSQLiteDatabase)) {
        await db.run(sql`insert into ticket_search_backlog (ticket_id) values (${id})`)
      }
      return id
    },
  }
}

function required<T>(row: T | undefined): T {
  if (row === undefined) {
    throw new Error('insert returned no row')
  }
  return row
}
