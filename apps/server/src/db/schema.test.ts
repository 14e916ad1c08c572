import type { TSchema } from '@sinclair/typebox'
import { TicketRecord, withoutNull } from '@ticket/schema'
import { eq } from 'drizzle-orm'
import { createSelectSchema } from 'drizzle-typebox'
import { describe, expect, it } from 'vitest'
import { createTestDatabase } from '../test/postgres.ts'
import { referenceSample } from '../test/reference-sample.ts'
import { ticketsProjection } from './projection.gen.ts'
import { columnsToProperties, propertiesToRow } from './projection-map.ts'
import * as sqliteTables from './schema.sqlite.gen.ts'
import { openStore, type Store } from './store.ts'
import { tablesOf } from './tables-of.ts'

const sample = referenceSample()

const isNull = (s: TSchema) => s.type === 'null'
const admitsNull = (s: TSchema) => Array.isArray(s.anyOf) && (s.anyOf as TSchema[]).some(isNull)

/** The JSON type a schema admits, ignoring null: what a column must be able to hold. */
function jsonKind(schema: TSchema): string {
  const members = Array.isArray(schema.anyOf)
    ? (schema.anyOf as TSchema[]).filter((m) => !isNull(m))
    : [schema]
  const kinds = new Set(
    members.map((m) => {
      const s = withoutNull(m)
      if (s.const !== undefined) {
        return typeof s.const
      }
      if (s.type === 'object' || s.type === 'array' || s.anyOf || !s.type) {
        return 'json'
      }
      return s.type === 'integer' ? 'number' : (s.type as string)
    })
  )
  return kinds.size === 1 ? ([...kinds][0] ?? 'json') : 'json'
}

const persisted = Object.entries(ticketsProjection.columns).filter(
  ([property]) => property !== 'TicketId'
)

describe('generated tables are the schema', () => {
  it('every persisted TicketRecord property has a column of its kind and nullability', () => {
    const select = createSelectSchema(sqliteTables.tickets) as unknown as {
      properties: Record<string, TSchema>
    }
    for (const [property, key] of persisted) {
      const column = select.properties[key]
      const schema = TicketRecord.properties[property as keyof typeof TicketRecord.properties]
      expect(column, property).toBeDefined()
      expect(schema, property).toBeDefined()
      if (!column || !schema) {
        continue
      }
      const expected = jsonKind(schema)
      if (expected !== 'json') {
        expect(jsonKind(column), property).toBe(expected)
      }
      const optional = !TicketRecord.required?.includes(property as never)
      expect(admitsNull(column), `${property} nullability`).toBe(
        admitsNull(schema as TSchema) || optional
      )
    }
  })

  it('round-trips the persisted projection of the reference sample on SQLite and PostgreSQL', async () => {
    const pg = await createTestDatabase()
    try {
      for (const url of [':memory:', pg.url]) {
        const store = await openStore(url)
        try {
          await roundTrip(store)
        } finally {
          await store.close()
        }
      }
    } finally {
      await pg.drop()
    }
  })
})

async function roundTrip(store: Store) {
  const { db } = store
  const tables = tablesOf(db)
  const values: Record<string, unknown> = {}
  for (const [property] of persisted) {
    if (property in sample) {
      values[property] = sample[property]
    }
  }
  values.Revision = 1
  values.DeletedAt = null
  values.FormSubmission = null
  values.TimeSpent = 12
  values.ActiveStatusMonitorId = 3
  values.Deadline = '2020-04-28T15:37:39.251Z'
  const row = propertiesToRow(ticketsProjection, values)
  const [inserted] = await db
    .insert(tables.tickets)
    .values(row as typeof tables.tickets.$inferInsert)
    .returning()
  expect(inserted).toBeDefined()
  const [read] = await db
    .select()
    .from(tables.tickets)
    .where(eq(tables.tickets.ticketId, inserted?.ticketId ?? 0))
  const back = columnsToProperties(ticketsProjection, read as Record<string, unknown>)
  for (const [property, value] of Object.entries(values)) {
    expect(back[property] ?? null, `${store.dialect} ${property}`).toEqual(value)
  }
}
