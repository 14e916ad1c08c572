import { expectTypeOf, test } from 'vitest'
import type * as pg from './schema.pg.gen.ts'
import type * as sqlite from './schema.sqlite.gen.ts'

// Queries are written once and run on both dialects, so every PostgreSQL table must read and
// write exactly the JS values its SQLite twin does. A difference (a boolean mode, a JSON type,
// a nullable column) fails the typecheck here instead of a query on one dialect.
type Pg = typeof pg
type Sqlite = typeof sqlite
type TableNames<M> = { [K in keyof M]: M[K] extends { $inferSelect: unknown } ? K : never }[keyof M]
type Rows<M, N extends keyof M> = {
  [K in N]: M[K] extends { $inferSelect: infer R } ? R : never
}
type Inserts<M, N extends keyof M> = {
  [K in N]: M[K] extends { $inferInsert: infer R } ? R : never
}

test('both dialects declare the same tables', () => {
  expectTypeOf<TableNames<Pg>>().toEqualTypeOf<TableNames<Sqlite>>()
})

test('every PostgreSQL row type equals its SQLite twin, for reads and for inserts', () => {
  type Names = TableNames<Sqlite> & TableNames<Pg>
  expectTypeOf<Rows<Pg, Names>>().toEqualTypeOf<Rows<Sqlite, Names>>()
  expectTypeOf<Inserts<Pg, Names>>().toEqualTypeOf<Inserts<Sqlite, Names>>()
})
