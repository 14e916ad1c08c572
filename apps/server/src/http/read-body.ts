import type { TSchema } from '@sinclair/typebox'
import type { Context } from 'hono'
import { inputLimits } from '../input/canonicalize.ts'
import { datesIn } from '../locale/convert-dates.ts'
import { patchDatesIn } from '../locale/patch-dates.ts'
import { localeOf, type RequestLocale, say } from '../locale/request-locale.ts'
import { ApiError } from './api-error.ts'
import type { BodySpec } from './body-spec.ts'
import { FormError, type FormProblem, formToValue } from './form/form-to-value.ts'
import { parseContentType } from './media-type.ts'
import { negotiateFor } from './send-entity.ts'
import { parseXml, type XmlProblem } from './xml/parse-xml.ts'
import { XmlTooDeep, xmlToValue } from './xml/xml-to-value.ts'

export type RequestBody =
  | { kind: 'entity'; value: unknown }
  | { kind: 'json-patch'; value: unknown }
  | { kind: 'merge-patch'; value: unknown }

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
export async function readRequestBody(c: Context, spec: BodySpec): Promise<RequestBody> {
  negotiateFor(c)
  const locale = localeOf(c)
  const text = await c.req.text()
  if (text.trim() === '') {
    return { kind: 'entity', value: null }
  }
  const { type, charset } = parseContentType(c.req.header('content-type'))
  const mediaType = type || 'application/json'
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
  const value = parse(handled.format, text, spec.schema, locale)
  const kind =
    handled.kind === 'entity' && spec.schema?.$id === 'JsonPatch' ? 'json-patch' : handled.kind
  const dated =
    kind === 'json-patch'
      ? spec.document
        ? patchDatesIn(value, spec.document, locale.timeZone)
        : value
      : datesIn(value, kind === 'merge-patch' ? spec.document : spec.schema, locale.timeZone)
  return { kind, value: dated }
}

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
  const parsed = parseXml(text)
  if (!parsed.ok) {
    throw new ApiError('BAD_REQUEST', xmlMessage(parsed.problem, locale))
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
