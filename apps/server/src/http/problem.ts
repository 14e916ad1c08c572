import type { TSchema } from '@sinclair/typebox'
import { type ErrorCode, ProblemDetails } from '@ticket/schema'
import type { Context } from 'hono'
import { problemTitles } from '../locale/problem-titles.ts'
import { localeOf } from '../locale/request-locale.ts'
import { pick, resolveStrings } from '../locale/resolve-text.ts'
import type { FieldError } from './api-error.ts'
import { isXmlType, parseContentType } from './media-type.ts'
import { requestHeader } from './request-header.ts'
import { negotiate } from './send-entity.ts'
import { valueToXml } from './xml/value-to-xml.ts'

/** Builds the problem-details body for a request; `type` is a stable URN per error code. */
export function problemBody(
  c: Context,
  code: ErrorCode,
  status: number,
  detail: string,
  errors: FieldError[] = []
): ProblemDetails {
  return {
    type: `urn:ticket:error:${code.toLowerCase()}`,
    title: pick(problemTitles[code], localeOf(c).language ?? 'US'),
    status,
    code,
    detail,
    instance: new URL(c.req.url).pathname,
    requestId: String(c.get('requestId') ?? ''),
    errors,
  }
}

type ProblemType = 'application/problem+json' | 'application/problem+xml'

/**
 * Problems follow the format the client asked for; one it cannot have still gets JSON (a 406
 * must be answered somehow). An explicit problem media type in Accept wins.
 */
function problemType(c: Context): ProblemType {
  const accept = (requestHeader(c, 'accept') ?? '').toLowerCase()
  if (accept.includes('application/problem+xml')) {
    return 'application/problem+xml'
  }
  if (accept.includes('application/problem+json')) {
    return 'application/problem+json'
  }
  try {
    const chosen = negotiate(accept, parseContentType(requestHeader(c, 'content-type')).type)
    return isXmlType(chosen) ? 'application/problem+xml' : 'application/problem+json'
  } catch {
    return 'application/problem+json'
  }
}

// RFC 9457 Appendix B: root `problem` in its namespace, array items named `i`.
const rfc9457Xml = {
  rootAttributes: { xmlns: 'urn:ietf:rfc:7807' },
  itemName: () => 'i',
}

/**
 * Renders a problem as `application/problem+json` or `application/problem+xml` (by Accept), its
 * strings resolved for the request's language like any response.
 */
export function problemResponse(
  c: Context,
  problem: ProblemDetails,
  headers: Record<string, string> = {}
): Response {
  const language = localeOf(c).language
  const body = language ? (resolveStrings(problem, language) as ProblemDetails) : problem
  const type = problemType(c)
  const text =
    type === 'application/problem+xml'
      ? valueToXml(body, 'problem', ProblemDetails as TSchema, rfc9457Xml)
      : JSON.stringify(body)
  return new Response(text, {
    status: problem.status,
    headers: { 'content-type': `${type}; charset=utf-8`, ...headers },
  })
}
