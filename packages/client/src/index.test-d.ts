import type { TicketEntity } from '@ticket/schema'
import { expectTypeOf, test } from 'vitest'
import type { paths } from './generated/api.d.ts'

type SaveBody = NonNullable<
  paths['/api/v1/Ticket']['post']['requestBody']
>['content']['application/json']
type SaveResponse = paths['/api/v1/Ticket']['post']['responses'][200]['content']['application/json']

test('the save body is the schema TicketEntity, in both directions', () => {
  // openapi-typescript marks readOnly properties `readonly`; assignability ignores that marker,
  // so mutual assignability is the precise "same type" here.
  expectTypeOf<TicketEntity>().toMatchTypeOf<SaveBody>()
  expectTypeOf<SaveBody>().toMatchTypeOf<TicketEntity>()
  expectTypeOf<SaveResponse>().toMatchTypeOf<TicketEntity>()
  expectTypeOf<SaveBody['Slevel']>().toEqualTypeOf<TicketEntity['Slevel']>()
  expectTypeOf<SaveBody['BaseStatus']>().toEqualTypeOf<TicketEntity['BaseStatus']>()
})
