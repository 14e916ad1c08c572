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
})

test('the generic POST, PUT and PATCH check the body as written: typos, types, enum names', () => {
  const client = createTicketClient({ baseUrl: 'http://127.0.0.1:8787', auth: { none: true } })
  void client.POST('/api/v1/Ticket', { body: { Title: 'Printer on fire', Slevel: 'External' } })
  void client.POST('/api/v1/Ticket', {
    params: { query: { notify: true } },
    body: { Title: 'Printer on fire' },
  })
  // @ts-expect-error a misspelt property is not part of the input
  void client.POST('/api/v1/Ticket', { body: { Titel: 'typo' } })
  // @ts-expect-error a misspelt property beside a valid one
  void client.POST('/api/v1/Ticket', { body: { Title: 'x', Titel: 'typo' } })
  // @ts-expect-error Title is a string
  void client.POST('/api/v1/Ticket', { body: { Title: 123 } })
  // @ts-expect-error not a TicketSecurityLevel name
  void client.POST('/api/v1/Ticket', { body: { Slevel: 'NotALevel' } })
  // @ts-expect-error a misspelt property of a nested entity
  void client.POST('/api/v1/Ticket', { body: { OwnedBy: { AssociateIdd: 1 } } })
  const id = { params: { path: { id: 1 } } }
  void client.PUT('/api/v1/Ticket/{id}', { ...id, body: { Title: 'renamed' } })
  // @ts-expect-error a misspelt property is not part of the input
  void client.PUT('/api/v1/Ticket/{id}', { ...id, body: { Titel: 'typo' } })
  // @ts-expect-error a misspelt property is not part of the input
  void client.PATCH('/api/v1/Ticket/{id}', { ...id, body: { Titel: 'typo' } })
})

test('the generic calls still type what comes back and need no options when none are required', async () => {
  const client = createTicketClient({ baseUrl: 'http://127.0.0.1:8787', auth: { none: true } })
  const { data } = await client.GET('/api/v1/Ticket/default')
  expectTypeOf(data).toEqualTypeOf<SaveResponse | undefined>()
  // @ts-expect-error the path parameter is required
  void client.GET('/api/v1/Ticket/{id}')
})
