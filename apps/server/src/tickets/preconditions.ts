import type { Context } from 'hono'
import { ApiError } from '../http/api-error.ts'
import type { TicketService } from './ticket-service.ts'

/** The strong ETag of a ticket: its revision, quoted (contract §8). */
export const etagOf = (revision: number) => `"${revision}"`

/**
 * `If-Match` (ETag) and `If-Unmodified-Since` (LastChanged, second precision as HTTP dates
 * have): a mismatch is a 412 and nothing is saved. Returns the revision that was checked, which
 * the save verifies again inside its transaction.
 */
export async function checkPreconditions(
  c: Context,
  tickets: TicketService,
  id: number
): Promise<number | undefined> {
  const ifMatch = c.req.header('if-match')
  const ifUnmodifiedSince = c.req.header('if-unmodified-since')
  if (!ifMatch && !ifUnmodifiedSince) {
    return undefined
  }
  const version = await tickets.version(id)
  if (version === undefined) {
    throw new ApiError('NOT_FOUND', `Ticket ${id} does not exist.`)
  }
  const { revision } = version
  if (ifMatch && ifMatch.trim() !== '*') {
    const tags = ifMatch.split(',').map((t) => t.trim().replace(/^W\//, ''))
    if (!tags.includes(etagOf(revision))) {
      throw new ApiError(
        'PRECONDITION_FAILED',
        `Ticket ${id} has changed: its ETag is ${etagOf(revision)}.`
      )
    }
  }
  if (ifUnmodifiedSince) {
    const since = Date.parse(ifUnmodifiedSince)
    const changed = version.lastChanged
      ? Math.floor(Date.parse(version.lastChanged) / 1000) * 1000
      : 0
    if (Number.isNaN(since)) {
      throw new ApiError('VALIDATION', 'If-Unmodified-Since is not an HTTP date.')
    }
    if (changed > since) {
      throw new ApiError('PRECONDITION_FAILED', `Ticket ${id} changed after ${ifUnmodifiedSince}.`)
    }
  }
  return revision
}
