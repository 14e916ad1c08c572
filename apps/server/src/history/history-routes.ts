import { ops } from '@ticket/schema'
import type { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import type { Store } from '../db/store.ts'
import { tablesOf } from '../db/tables-of.ts'
import { ApiError } from '../http/api-error.ts'
import { nextPageLink, pageOf } from '../http/paging.ts'
import { route } from '../http/route.ts'
import { findTicketRow } from '../tickets/ticket-rows.ts'
import { historyPage } from './history-rows.ts'

/** `GET /api/v1/Ticket/{id}/History`: newest first, `$top`/`$skip` paged. */
export function registerHistoryRoutes(app: Hono<AppEnv>, store: Store) {
  route(app, ops.GetTicketHistory, async (c, { params: { id }, query, send }) => {
    if (!(await findTicketRow(store.reader, tablesOf(store.db), id))) {
      throw new ApiError('NOT_FOUND', `Ticket ${id} does not exist.`)
    }
    const page = pageOf(query)
    const entries = await historyPage(store.reader, tablesOf(store.db), id, page)
    return send(entries, { headers: nextPageLink(c, page, entries.length) })
  })
}
