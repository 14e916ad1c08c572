import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { datesOut } from '../locale/convert-dates.ts'
import { localeOf, say } from '../locale/request-locale.ts'
import { resolveStrings } from '../locale/resolve-text.ts'
import { ApiError } from './api-error.ts'
import { carrierSchema } from './carriers.ts'
import { completeAnswer } from './complete-answer.ts'
import { noneMatchHits, representationTag } from './etag.ts'
import { answerJson } from './json-text.ts'
import { isXmlType, parseContentType } from './media-type.ts'
import { requestHeader } from './request-header.ts'
import { kindOf } from './wire-schema.ts'
import { valueToXml } from './xml/value-to-xml.ts'

/** The response media types, in the order preferred when `Accept` allows several equally. */
export const producible = ['application/json', 'text/json', 'application/xml', 'text/xml'] as const
export type ResponseType = (typeof producible)[number]

const isProducible = (type: string): type is ResponseType =>
  (producible as readonly string[]).includes(type)

interface AcceptRange {
  type: string
  q: number
  specificity: number
  index: number
}

function rankedRanges(accept: string): AcceptRange[] {
  return accept
    .split(',')
    .map((part, index) => {
      const [type = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase())
      const q = params.find((p) => p.startsWith('q='))
      const specificity = type === '*/*' ? 0 : type.endsWith('/*') ? 1 : 2
      return { type, q: q ? Number(q.slice(2)) : 1, specificity, index }
    })
    .filter((r) => r.type !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || b.specificity - a.specificity || a.index - b.index)
}

/**
 * Picks the response media type from `Accept`. Without one (or with the full wildcard) the answer follows the
 * request's own format when it is one of ours (SuperOffice: "format follows Accept or
 * Content-Type"), else JSON. Nothing producible is a 406.
 * @example negotiate('text/xml;q=0.9, application/json;q=0.5') // 'text/xml'
 */
export function negotiate(accept: string | undefined, requestType = ''): ResponseType {
  const preferred: ResponseType = isProducible(requestType) ? requestType : 'application/json'
  if (!accept?.trim()) {
    return preferred
  }
  for (const range of rankedRanges(accept)) {
    if (isProducible(range.type)) {
      return range.type
    }
    if (range.type === '*/*') {
      return preferred
    }
    if (range.type === 'application/*') {
      return isXmlType(preferred) ? 'application/xml' : 'application/json'
    }
    if (range.type === 'text/*') {
      return isXmlType(preferred) ? 'text/xml' : 'text/json'
    }
  }
  throw new ApiError('NOT_ACCEPTABLE', `None of ${accept} can be produced; try application/json.`)
}

/** {@link negotiate} for a request, with the 406 worded in the request's language. */
export function negotiateFor(c: Context): ResponseType {
  const accept = requestHeader(c, 'accept')
  try {
    return negotiate(accept, parseContentType(requestHeader(c, 'content-type')).type)
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_ACCEPTABLE') {
      throw new ApiError(
        'NOT_ACCEPTABLE',
        say(localeOf(c), 'notAcceptable', { accept: accept ?? '', produced: [...producible] })
      )
    }
    throw error
  }
}

/**
 * The wire form of a response value: dates converted for SO-TimeZone (UTC `Z` without it) and
 * every string resolved for the request's language. `schema` says where the dates are.
 */
export function presentValue(c: Context, body: unknown, schema: ReturnType<typeof carrierSchema>) {
  const locale = localeOf(c)
  const dated = datesOut(body, schema, locale.timeZone)
  return locale.language ? resolveStrings(dated, locale.language) : dated
}

/**
 * Everything about a request, besides the value, that changes the bytes {@link renderEntity}
 * makes: the media type and what {@link presentValue} reads. Two requests with the same key get
 * the same bytes for the same value, so a kept representation may answer both. Whatever
 * `presentValue` starts to read must be added here.
 */
export function representationKeyOf(c: Context, mediaType: ResponseType): string {
  const { language, timeZone } = localeOf(c)
  const zone = timeZone ? `${timeZone.zone}${timeZone.includeOffset ? '+offset' : ''}` : ''
  return `${mediaType}|${language ?? ''}|${zone}`
}

/** A list sent under its item's carrier name is the .NET list root `ArrayOf<Item>`. */
function rootOf(carrier: string, body: unknown) {
  const schema = carrierSchema(carrier)
  if (Array.isArray(body) && schema && kindOf(schema) !== 'array') {
    const root = `ArrayOf${carrier}`
    return { root, schema: carrierSchema(root) }
  }
  // A schema may name its XML root itself (OpenAPI `xml.name`): a read with links is the entity.
  const named = (schema as { xml?: { name?: unknown } } | undefined)?.xml?.name
  return { root: typeof named === 'string' ? named : carrier, schema }
}

/** The request headers an entity's representation depends on. */
export const representationVary = 'Accept, Accept-Language, SO-Language, SO-Culture, SO-TimeZone'

/** One representation of a response value: its media type, its bytes and, when versioned, its ETag. */
export interface Representation {
  mediaType: ResponseType
  body: string | Uint8Array<ArrayBuffer>
  etag?: string
}

/**
 * An entity (or list, or null) in the negotiated format. `carrier` names the XML root element
 * and the schema (`TicketEntity`, `ArrayOfTicket`) that places dates and array items. With
 * `version`, it carries the ETag of this representation of that version.
 */
export function renderEntity(
  c: Context,
  body: unknown,
  carrier: string,
  version?: number,
  mediaType: ResponseType = negotiateFor(c)
): Representation {
  const { root, schema } = rootOf(carrier, body)
  const value = presentValue(c, body, schema)
  const content = isXmlType(mediaType) ? valueToXml(value, root, schema) : answerJson(value)
  return version === undefined
    ? { mediaType, body: content }
    : { mediaType, body: content, etag: representationTag(version, content) }
}

/**
 * Answers with a representation; a GET or HEAD whose `If-None-Match` names its ETag gets a 304.
 */
export function sendRepresentation(
  c: Context,
  { mediaType, body, etag }: Representation,
  status: ContentfulStatusCode = 200,
  headers: Record<string, string> = {}
): Response {
  const answerHeaders = {
    'content-type': `${mediaType}; charset=utf-8`,
    vary: representationVary,
    ...(etag === undefined ? {} : { ETag: etag }),
    ...headers,
  }
  const read = c.req.method === 'GET' || c.req.method === 'HEAD'
  if (read && etag !== undefined && noneMatchHits(requestHeader(c, 'if-none-match'), etag)) {
    // The client's copy is this representation: no body, the validators it needs to keep it.
    const { 'content-type': _type, ...kept } = answerHeaders
    return completeAnswer(c, null, 304, kept)
  }
  return completeAnswer(c, body, status, answerHeaders)
}

/** {@link renderEntity}, then {@link sendRepresentation}. */
export function sendEntity(
  c: Context,
  body: unknown,
  carrier: string,
  status: ContentfulStatusCode = 200,
  headers: Record<string, string> = {},
  version?: number
): Response {
  return sendRepresentation(c, renderEntity(c, body, carrier, version), status, headers)
}
