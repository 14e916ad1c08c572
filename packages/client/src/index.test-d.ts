import type { TicketEntity } from '@ticket/schema'
import { expectTypeOf, test } from 'vitest'
import type { paths } from './generated/api.d.ts'
import { createTicketClient } from './index.ts'

type SaveBody = NonNullable<
  paths['/api/v1/Ticket']['post']['requestBody']
>['content']['application/json']
type SaveResponse = paths['/api/v1/Ticket']['post']['responses'][200]['content']['application/json']

test('the save body is TicketEntity as input: optional properties of the same types', () => {
  expectTypeOf<SaveResponse>().toMatchTypeOf<TicketEntity>()
  expectTypeOf<SaveBody['Slevel']>().toEqualTypeOf<TicketEntity['Slevel'] | undefined>()
  expectTypeOf<SaveBody['BaseStatus']>().toEqualTypeOf<TicketEntity['BaseStatus'] | undefined>()
  // Read-only properties are not input.
  expectTypeOf<SaveBody>().not.toHaveProperty('CreatedAt')
})

test('saveTicket accepts a partial body without a cast and rejects typos, wrong types and enum names', () => {
  const client = createTicketClient({ baseUrl: 'http://127.0.0.1:8787', auth: { none: true } })
  void client.saveTicket({ Title: 'Printer on fire', Slevel: 'External' }, { notify: true })
  // @ts-expect-error a misspelt property is not part of the input
  void client.saveTicket({ Titel: 'typo' })
  // @ts-expect-error Title is a string
  void client.saveTicket({ Title: 123 })
  // @ts-expect-error not a TicketSecurityLevel name
  void client.saveTicket({ Slevel: 'NotALevel' })
  // The generic call checks property types and enum names too.
  // @ts-expect-error Title is a string
  void client.POST('/api/v1/Ticket', { body: { Title: 123 } })
  // @ts-expect-error not a TicketSecurityLevel name
  void client.POST('/api/v1/Ticket', { body: { Slevel: 'NotALevel' } })
})
