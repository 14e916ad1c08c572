import type { TSchema } from '@sinclair/typebox'
import type { Context } from 'hono'
import type { FastEntityReader } from '../input/fast-entity.ts'
import {
  badFormEncoding,
  decodeUtf8,
  forbiddenPointers,
  inputLimits,
  inspectBody,
  structuralGateCodes,
  xmlDepth,
} from '../input/gate.ts'
import { datesIn } from '../locale/convert-dates.ts'
import { patchDatesIn } from '../locale/patch-dates.ts'
import { localeOf, type RequestLocale, say } from '../locale/request-locale.ts'
import { ApiError, type FieldError } from './api-error.ts'
import type { BodySpec } from './body-spec.ts'
import { FormError, type FormProblem, formToValue } from './form/form-to-value.ts'
import { parseContentType } from './media-type.ts'
import { requestHeader } from './request-header.ts'
import { negotiateFor } from './send-entity.ts'
import { parseXml, type XmlProblem } from './xml/parse-xml.ts'
import { XmlTooDeep, xmlToValue } from './xml/xml-to-value.ts'

export type RequestBody =
  | {
      kind: 'entity'
      value: unknown
      /** Text the gate refused; reported together with the schema's findings by the parser. */
      textErrors?: FieldError[]
      /** Already what the body parser makes of it (the fast reading): not to be parsed again. */
      parsed?: true
    }
  | { kind: 'json-patch'; value: unknown }
  | { kind: 'merge-patch'; value: unknown }

// Problems after which nothing else may read the body (it could recurse or allocate without end).
type Format = 'json' | 'xml' | 'form'

const formats: Record<string, { format: Format; kind: RequestBody['kind'] }> = {
  'application/json': { format: 'json', kind: 'entity' },
  'text/json': { format: 'json', kind: 'entity' },
  'application/xml': { format: 'xml', kind: 'entity' },
  'text/xml': { format: 'xml', kind: 'entity' },
  'application/x-www-form-urlencoded': { format: 'form', kind: 'entity' },
  'application/json-patch+json': { format: 'json', kind: 'json-patch' },
  'application/merge-patch+json': { format: 'json', kind: 'merge-patch' },
}

// An XML body nests two elements per JSON level (wrapper and item), plus the root.
const maxXmlDepth = inputLimits.maxDepth * 2 + 1

/**
 * Reads a request body by its media type into the JSON shape every route validates: JSON as is,
 * XML and ASP.NET-style forms typed by the operation's body schema, offset-less dates read in the
 * SO-TimeZone zone. The Accept header is checked first, so a request that cannot be answered
 * changes nothing. An empty body is `null` (agent calls without parameters send none, or `null`).
 * Anything unreadable is a 4xx, never a 500.
 */
export async function readRequestBody(
  c: Context,
  spec: BodySpec,
  /** The entity's fast reading: a JSON entity body it admits skips the gate, dates and parser. */
  fast?: FastEntityReader
): Promise<RequestBody> {
  negotiateFor(c)
  const locale = localeOf(c)
  const bytes = new Uint8Array(await c.req.arrayBuffer())
  if (bytes.every(isSpace)) {
    return { kind: 'entity', value: null }
  }
  const encoding = requestHeader(c, 'content-encoding')?.trim().toLowerCase()
  if (encoding && encoding !== 'identity') {
    throw new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Encoding ${encoding} is not accepted; send the body as is (identity).`
    )
  }
  const header = requestHeader(c, 'content-type')
  if (header === undefined || header.trim() === '') {
    throw new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      say(locale, 'unsupportedMediaType', { type: '(none)', accepted: spec.mediaTypes })
    )
  }
  const { type: mediaType, charset } = parseContentType(header)
  if (!mediaTypePattern.test(mediaType)) {
    throw new ApiError('BAD_REQUEST', `Content-Type "${header.slice(0, 100)}" is not a media type.`)
  }
  const handled = formats[mediaType]
  if (!handled || !spec.mediaTypes.includes(mediaType)) {
    throw new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      say(locale, 'unsupportedMediaType', { type: mediaType, accepted: spec.mediaTypes })
    )
  }
  if (charset && charset !== 'utf-8' && charset !== 'utf8' && charset !== 'us-ascii') {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', say(locale, 'unsupportedCharset', { charset }))
  }
  const text = decodeUtf8(bytes)
  if (text === undefined) {
    throw new ApiError('BAD_REQUEST', 'The body is not valid UTF-8; nothing was stored.')
  }
  const kind =
    handled.kind === 'entity' && spec.schema?.$id === 'JsonPatch' ? 'json-patch' : handled.kind
  const value = parse(handled.format, text, spec.schema, locale)
  if (fast && handled.format === 'json' && kind === 'entity') {
    const read = fast(text, value, locale.timeZone)
    if (read !== undefined) {
      return { kind, value: read, parsed: true }
    }
  }
  const gateErrors = [
    ...inspectBody(value, kind === 'merge-patch' ? (spec.document ?? spec.schema) : spec.schema),
    ...(kind === 'json-patch' ? forbiddenPointers(value) : []),
  ]
  const textOnly = gateErrors.every((error) => !structuralGateCodes.has(error.code))
  if (gateErrors.length > 0 && !(textOnly && kind === 'entity')) {
    throw new ApiError('VALIDATION', `${gateErrors.length} invalid field(s) in the body.`, {
      errors: gateErrors,
    })
  }
  const dated =
    kind === 'json-patch'
      ? spec.document
        ? patchDatesIn(value, spec.document, locale.timeZone)
        : value
      : datesIn(value, kind === 'merge-patch' ? spec.document : spec.schema, locale.timeZone)
  return kind === 'entity' && gateErrors.length > 0
    ? { kind, value: dated, textErrors: gateErrors }
    : { kind, value: dated }
}

// Space, tab, CR, LF: a body of only these is no body.
const isSpace = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d
const mediaTypePattern = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/

function parse(format: Format, text: string, schema: TSchema | undefined, locale: RequestLocale) {
  switch (format) {
    case 'json':
      return parseJson(text, locale)
    case 'xml':
      return readXml(text, schema, locale)
    case 'form':
      return readForm(text, schema, locale)
  }
}

function parseJson(text: string, locale: RequestLocale): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ApiError(
      'BAD_REQUEST',
      say(locale, 'jsonMalformed', { reason: (error as Error).message })
    )
  }
}

function readXml(text: string, schema: TSchema | undefined, locale: RequestLocale): unknown {
  if (xmlDepth(text) > maxXmlDepth) {
    throw new ApiError('BAD_REQUEST', say(locale, 'tooDeep', { limit: inputLimits.maxDepth }))
  }
  const parsed = parseXml(text)
  if (!parsed.ok) {
    throw new ApiError('BAD_REQUEST', xmlMessage(parsed.problem, locale))
  }
  // The root names what the body is; another entity's document is not this route's body.
  const expected = schema?.$id
  if (typeof expected === 'string' && parsed.root !== expected) {
    throw new ApiError(
      'BAD_REQUEST',
      `The XML root element is <${parsed.root.slice(0, 100)}>; this route reads <${expected}>.`
    )
  }
  try {
    return xmlToValue(parsed.node, schema, maxXmlDepth)
  } catch (error) {
    if (error instanceof XmlTooDeep) {
      throw new ApiError('BAD_REQUEST', say(locale, 'tooDeep', { limit: inputLimits.maxDepth }))
    }
    throw error
  }
}

function xmlMessage(problem: XmlProblem, locale: RequestLocale): string {
  switch (problem.kind) {
    case 'doctype':
      return say(locale, 'xmlDoctype', {})
    case 'malformed':
      return say(locale, 'xmlMalformed', { reason: problem.reason, line: problem.line })
    case 'entity':
      return say(locale, 'xmlReference', { reference: problem.reference })
    case 'root':
      return say(locale, 'xmlRoot', {})
  }
}

function readForm(text: string, schema: TSchema | undefined, locale: RequestLocale): unknown {
  const undecodable = badFormEncoding(text)
  if (undecodable.length > 0) {
    throw new ApiError(
      'BAD_REQUEST',
      `Percent-encoded form text is not UTF-8: ${undecodable.join(', ')}; nothing was stored.`
    )
  }
  try {
    return formToValue(text, schema, inputLimits)
  } catch (error) {
    if (!(error instanceof FormError)) {
      throw error
    }
    const errors = error.problems.map((problem) => ({
      path: problem.path,
      message: formMessage(problem, locale),
      code: `form_${problem.kind}`,
    }))
    throw new ApiError('VALIDATION', say(locale, 'formInvalid', { count: errors.length }), {
      errors,
    })
  }
}

function formMessage(problem: FormProblem, locale: RequestLocale): string {
  const { key } = problem
  switch (problem.kind) {
    case 'key':
      return say(locale, 'formKey', { key })
    case 'depth':
      return say(locale, 'formDepth', { key, limit: inputLimits.maxDepth })
    case 'index':
      return say(locale, 'formIndex', { key, limit: inputLimits.maxArrayItems })
    case 'repeated':
      return say(locale, 'formRepeated', { key })
    case 'mixed':
      return say(locale, 'formMixed', { key })
  }
}
