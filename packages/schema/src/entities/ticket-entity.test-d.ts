import { expectTypeOf, test } from 'vitest'
import type { BaseStatus, Slevel, TicketEntity } from '../model.ts'

test('TicketEntity wire types', () => {
  expectTypeOf<TicketEntity['Slevel']>().toEqualTypeOf<Slevel>()
  expectTypeOf<Slevel>().toEqualTypeOf<'Unknown' | 'Internal' | 'External'>()
  expectTypeOf<'Merged'>().toMatchTypeOf<BaseStatus>()
  expectTypeOf<TicketEntity['CreatedAt']>().toEqualTypeOf<string | null>()
  expectTypeOf<TicketEntity['TimeSpent']>().toEqualTypeOf<number | undefined>()
})
