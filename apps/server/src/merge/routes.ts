import { ops } from '@ticket/schema'
import type { Hono } from 'hono'
import type { AppDeps } from '../app-deps.ts'
import type { AppEnv } from '../app-env.ts'
import { ApiError } from '../http/api-error.ts'
import { route } from '../http/route.ts'
import { mergeTickets } from './merge-tickets.ts'

const invalid = (path: string, message: string) =>
  new ApiError('VALIDATION', message, { errors: [{ path, message, code: 'invalid' }] })

/** Every `secondaryTicketIds` value (repeated or comma-separated), as positive ids. */
function secondaryIds(url: string): number[] {
  const values = [...new URL(url).searchParams]
    .filter(([key]) => key.toLowerCase() === 'secondaryticketids')
    .flatMap(([, value]) => value.split(','))
    .map((text) => text.trim())
    .filter((text) => text !== '')
  const ids = values.map(Number)
  if (ids.length === 0 || ids.some((id) => !Number.isInteger(id) || id < 1 || id > 2147483647)) {
    throw invalid('/query/secondaryTicketIds', 'secondaryTicketIds must list positive ticket ids')
  }
  return [...new Set(ids)]
}

/** `POST /api/v1/Ticket/Merge`: merges secondary tickets into a primary one. */
export function registerMergeRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  route(app, ops.MergeTickets, async (c, { query, body, send }) => {
    const fromBody = body?.TicketId
    const primary = fromBody && fromBody > 0 ? fromBody : query['mergedTicketEntity.TicketId']
    if (!primary) {
      throw invalid('/TicketId', 'The primary ticket is missing: send its TicketId.')
    }
    return send(await mergeTickets(deps, c.get('caller'), primary, secondaryIds(c.req.url)))
  })
}
