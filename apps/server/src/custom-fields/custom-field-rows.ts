import type { TicketCustomFieldInfo } from '@ticket/schema'
import { asc } from 'drizzle-orm'
import { ticketCustomFieldsProjection } from '../db/projection.gen.ts'
import { columnsToProperties } from '../db/projection-map.ts'
import type { Db, Tables } from '../db/store.ts'

/** Every declared ticket custom field, by Rank then name, as its wire metadata. */
export async function customFieldInfos(db: Db, tables: Tables): Promise<TicketCustomFieldInfo[]> {
  const table = tables.ticketCustomFields
  const rows = await db.select().from(table).orderBy(asc(table.rank), asc(table.fieldName))
  return rows.map((row) => {
    const { Id: _id, ...info } = columnsToProperties(ticketCustomFieldsProjection, row)
    return info as TicketCustomFieldInfo
  })
}
