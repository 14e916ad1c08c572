import { ops } from '@ticket/schema'
import type { Hono } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import { route } from '../http/route.ts'
import { localeOf } from '../locale/request-locale.ts'
import { findTicketsByTitleOrId } from './find-tickets.ts'
import { listTickets } from './list-tickets.ts'

/** The request's URL with `$skiptoken` set and `$skip` dropped: the next page. */
function nextLink(url: string, token: string): string {
  const next = new URL(url)
  for (const key of [...next.searchParams.keys()]) {
    const lower = key.toLowerCase()
    if (lower === '$skip' || lower === '$skiptoken') {
      next.searchParams.delete(key)
    }
  }
  next.searchParams.set('$skiptoken', token)
  // OData option names keep their `$` (URLSearchParams would write %24).
  next.search = next.searchParams.toString().replace(/(^|&)%24/g, '$1$')
  return next.toString()
}

/** `GET /api/v1/Ticket`: the OData list served by the "Ticket" archive. */
export function registerTicketListRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  route(app, ops.GetTicketArchive, async (c, { query: options, send }) => {
    const page = await listTickets(deps.store, {
      ...(options.$select ? { select: options.$select } : {}),
      ...(options.$filter ? { filter: options.$filter } : {}),
      ...(options.$orderBy ? { orderBy: options.$orderBy } : {}),
      ...(options.$skip ? { skip: options.$skip } : {}),
      ...(options.$skiptoken ? { skipToken: options.$skiptoken } : {}),
      top: options.$top ?? 0,
      mode: options.$mode ?? 'Slim',
      zone: localeOf(c).timeZone,
    })
    const origin = new URL(c.req.url).origin
    return send({
      'odata.metadata': `${origin}/openapi.json#/components/schemas/TicketArchiveList`,
      'odata.nextLink': page.nextToken ? nextLink(c.req.url, page.nextToken) : null,
      value: page.rows,
    })
  })

  route(app, ops.CustomerService_FindTicketsByTitleOrId, async (c, { body, send }) =>
    send(
      await findTicketsByTitleOrId(deps.store, {
        titleOrId: body?.TitleOrId ?? '',
        maxRows: body?.MaxRows ?? 0,
        baseUrl: new URL(c.req.url).origin,
      })
    )
  )
}
