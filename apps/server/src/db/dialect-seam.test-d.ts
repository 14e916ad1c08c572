import { sql } from 'drizzle-orm'
import { expectTypeOf, test } from 'vitest'
import type { Db, PgDb, SharedQueryBuilders, SqliteDb } from './db.ts'
import type { Store } from './store-types.ts'

type PgTransaction = Parameters<Parameters<PgDb['transaction']>[0]>[0]
type SqliteTransaction = Parameters<Parameters<SqliteDb['transaction']>[0]>[0]

test('every dialect has the builders a Db offers, on its database and in a transaction', () => {
  expectTypeOf<SharedQueryBuilders>().toExtend<keyof PgDb>()
  expectTypeOf<SharedQueryBuilders>().toExtend<keyof PgTransaction>()
  expectTypeOf<SharedQueryBuilders>().toExtend<keyof SqliteDb>()
  expectTypeOf<SharedQueryBuilders>().toExtend<keyof SqliteTransaction>()
  expectTypeOf<SqliteDb>().toExtend<Db>()
})

test("a Db offers no dialect's own calls", () => {
  const check = (db: Db) => {
    // @ts-expect-error SQLite only
    db.run(sql`select 1`)
    // @ts-expect-error SQLite only
    db.all(sql`select 1`)
    // @ts-expect-error SQLite only
    db.get(sql`select 1`)
    // @ts-expect-error SQLite only
    db.values(sql`select 1`)
    // @ts-expect-error PostgreSQL only
    db.execute(sql`select 1`)
    // @ts-expect-error each dialect's driver
    db.$client
    // @ts-expect-error tables come from tablesOf(db)
    db._.fullSchema
    // @ts-expect-error transactions come from store.transaction
    db.transaction(async () => {})
  }
  expectTypeOf(check).toBeFunction()
})

test("a dialect's own calls need the branch on store.dialect", () => {
  const check = (store: Store) => {
    // @ts-expect-error either dialect: SQLite's call does not exist on PostgreSQL
    store.native.db.all(sql`select 1`)
    // @ts-expect-error either dialect: PostgreSQL's call does not exist on SQLite
    store.native.db.execute(sql`select 1`)
    if (store.dialect === 'sqlite') {
      store.native.reader.all(sql`select 1`)
    } else {
      store.native.db.execute(sql`select 1`)
    }
  }
  expectTypeOf(check).toBeFunction()
})
