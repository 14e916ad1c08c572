import type { TicketRecord } from '@ticket/schema'
import { expectTypeOf, test } from 'vitest'
import type { ticketsProjection } from './projection.gen.ts'
import type { tickets } from './schema.sqlite.gen.ts'

type Columns = typeof ticketsProjection.columns
type Json = (typeof ticketsProjection.json)[number]
type Optional = (typeof ticketsProjection.optional)[number]
type Plain = Exclude<keyof Columns, Json | Optional>
type Row = typeof tickets.$inferSelect

/** Each plain column's row type, keyed by its wire property. */
type FromTable = { [P in Plain]: Row[Columns[P]] }
/** The same properties as the schema types them. */
type FromSchema = { [P in Plain]: TicketRecord[P] }

test('the generated tickets table types every plain column exactly as the schema', () => {
  expectTypeOf<FromTable>().toEqualTypeOf<FromSchema>()
  expectTypeOf<Row['slevel']>().toEqualTypeOf<TicketRecord['Slevel']>()
})
