import type { Context } from 'hono'
import type { AnswerCache, KeptAnswer } from './answer-cache.ts'
import { COMPRESSION_THRESHOLD, chooseCoding } from './compression.ts'
import { noneMatchHits, weakTag } from './etag.ts'
import { requestHeader } from './request-header.ts'
import { representationVary, sendRepresentation } from './send-entity.ts'

/**
 * Answers with a kept answer. A client that accepts br, gzip or deflate gets the answer's
 * bytes in that coding, encoded once per kept answer instead of on every request (brotli of a
 * ticket costs about ten times the rest of its GET). The compression middleware leaves an
 * encoded answer alone; what it would have sent is sent: the coding it would choose, over the
 * same threshold, with the weak ETag and `Vary: Accept-Encoding` it would add. Anything it
 * would not compress (a 304, a HEAD, a small body, identity) goes out as before.
 */
export async function sendKept(
  c: Context,
  cache: AnswerCache,
  answer: KeptAnswer,
  headers: Record<string, string>
): Promise<Response> {
  const accepted = requestHeader(c, 'accept-encoding')
  const coding =
    accepted === undefined ||
    c.req.method === 'HEAD' ||
    answer.body.byteLength < COMPRESSION_THRESHOLD ||
    (answer.etag !== undefined && noneMatchHits(requestHeader(c, 'if-none-match'), answer.etag))
      ? undefined
      : chooseCoding(accepted)
  if (coding === undefined || coding === 'identity') {
    return sendRepresentation(c, answer, 200, headers)
  }
  const body = await cache.coded(answer, coding)
  const etag = answer.etag === undefined ? undefined : weakTag(answer.etag)
  return sendRepresentation(c, { mediaType: answer.mediaType, body, ...(etag && { etag }) }, 200, {
    ...headers,
    'content-encoding': coding,
    vary: `${representationVary}, Accept-Encoding`,
  })
}
