import type { TicketHistoryEntry } from '@ticket/schema'
import { desc, eq } from 'drizzle-orm'
import { ticketHistoryProjection } from '../db/projection.gen.ts'
import { columnsToProperties } from '../db/projection-map.ts'
import type { Db, Tables } from '../db/store.ts'

/** One page of a ticket's history, newest first. */
export async function historyPage(
  db: Db,
  tables: Tables,
  ticketId: number,
  page: { top: number; skip: number }
): Promise<TicketHistoryEntry[]> {
  const t = tables.ticketHistory
  const rows = await db
    .select()
    .from(t)
    .where(eq(t.ticketId, ticketId))
    .orderBy(desc(t.historyId))
    .limit(page.top)
    .offset(page.skip)
  // TicketId is stored as a reference, which the projection does not map back.
  return rows.map(
    (row) =>
      ({
        ...columnsToProperties(ticketHistoryProjection, row),
        TicketId: row.ticketId,
      }) as TicketHistoryEntry
  )
}
