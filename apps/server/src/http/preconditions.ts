import type { Context } from 'hono'
import { ApiError } from './api-error.ts'
import { versionOfTag } from './etag.ts'
import { requestHeader } from './request-header.ts'

/** What a conditional request is checked against. */
export interface Version {
  revision: number
  lastChanged: string | null
}

/**
 * `If-Match` (ETag) and `If-Unmodified-Since` (LastChanged, second precision as HTTP dates
 * have): a mismatch is a 412 and nothing is saved. Returns the revision that was checked, which
 * the save verifies again inside its transaction.
 */
export async function checkPreconditions(
  c: Context,
  what: string,
  current: () => Promise<Version | undefined>
): Promise<number | undefined> {
  const ifMatch = requestHeader(c, 'if-match')
  const ifUnmodifiedSince = requestHeader(c, 'if-unmodified-since')
  if (!ifMatch && !ifUnmodifiedSince) {
    return undefined
  }
  const version = await current()
  if (version === undefined) {
    throw new ApiError('NOT_FOUND', `${what} does not exist.`)
  }
  const { revision } = version
  if (ifMatch && ifMatch.trim() !== '*') {
    // Every representation of the current revision matches, whichever format it was read in.
    const versions = ifMatch.split(',').map(versionOfTag)
    if (!versions.includes(revision)) {
      throw new ApiError(
        'PRECONDITION_FAILED',
        `${what} has changed since that ETag: it is at revision ${revision}.`
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
      throw new ApiError('PRECONDITION_FAILED', `${what} changed after ${ifUnmodifiedSince}.`)
    }
  }
  return revision
}
