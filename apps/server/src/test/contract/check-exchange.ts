import type { IHttpRequest, IHttpResponse } from '@stoplight/prism-http'
import route from '@stoplight/prism-http/dist/router'
import { validateInput, validateOutput } from '@stoplight/prism-http/dist/validator'
import { type DocumentOperation, documentOperations } from './operations.ts'

/** A request as the validator reads it: the body as bytes, read before the app consumed it. */
export interface SentRequest {
  method: string
  url: URL
  headers: Headers
  body: Uint8Array | undefined
}

/** A response as the validator reads it; `body` is undefined for a stream that is not read. */
export interface ReceivedResponse {
  status: number
  headers: Headers
  body: Uint8Array | undefined
}

export interface ExchangeFindings {
  /** The document's operation, when one matches the method and path. */
  operationId: string | undefined
  request: string[]
  response: string[]
}

/**
 * The description itself and its page for people, served outside the operations table (see
 * docs/decisions.md), and CORS preflights (OPTIONS, answered before any route): not operations
 * the document describes.
 */
const outsideDocument = /^\/(openapi\.json|docs(\/.*)?)$/

/**
 * Validates one request and its response against the published OpenAPI document with
 * Stoplight Prism's validator (the one Prism's proxy mode runs): path, query, headers and body of
 * the request; status, media type, headers and body of the response. Warnings count, so an
 * undocumented error status is a finding too.
 */
export async function checkExchange(
  request: SentRequest,
  response: ReceivedResponse
): Promise<ExchangeFindings> {
  if (outsideDocument.test(request.url.pathname) || request.method === 'OPTIONS') {
    return { operationId: undefined, request: [], response: [] }
  }
  const resources = await documentOperations()
  const input = toPrismRequest(request)
  const routed = route({ resources, input })
  if (routed._tag === 'Left') {
    const problem = `${request.method} ${request.url.pathname}: ${routed.left.message}`
    return { operationId: undefined, request: [problem], response: [] }
  }
  const operation = exactMediaTypeFirst(routed.right, request.headers.get('content-type'))
  const output = toPrismResponse(response)
  return {
    operationId: operation.iid,
    request: findings(() => validateInput({ resource: operation, element: input }), input.body),
    response: findings(() => validateOutput({ resource: operation, element: output }), output.body),
  }
}

/**
 * Prism takes the first body content whose media type matches, and `application/json` matches
 * `application/json-patch+json` too: the content of exactly the sent type goes first.
 */
function exactMediaTypeFirst(operation: DocumentOperation, contentType: string | null) {
  const contents = operation.request?.body?.contents
  const sent = contentType?.split(';')[0]?.trim().toLowerCase()
  const exact = contents?.findIndex((content) => content.mediaType.toLowerCase() === sent) ?? -1
  if (!contents || !operation.request?.body || exact <= 0) {
    return operation
  }
  const reordered = [contents[exact], ...contents.filter((_, i) => i !== exact)] as typeof contents
  return {
    ...operation,
    request: { ...operation.request, body: { ...operation.request.body, contents: reordered } },
  }
}

type Validation = ReturnType<typeof validateInput> | ReturnType<typeof validateOutput>

/**
 * Errors and warnings as readable lines, each with the value it is about; a validator that
 * throws is a finding too.
 */
function findings(validate: () => Validation, body: unknown): string[] {
  let result: Validation
  try {
    result = validate()
  } catch (error) {
    return [`the validator could not read it: ${(error as Error).message}`]
  }
  if (result._tag === 'Right') {
    return []
  }
  return result.left
    .filter((diagnostic) => diagnostic.severity <= 1)
    .map((diagnostic) => {
      const path = diagnostic.path ?? []
      const at = path.length > 0 ? ` (${path.join('.')})` : ''
      const value = path[0] === 'body' ? valueAt(body, path.slice(1)) : undefined
      const was = value === undefined ? '' : ` was ${JSON.stringify(value)?.slice(0, 120)}`
      return `${diagnostic.message}${at}${was}`
    })
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let at = value
  for (const segment of path) {
    if (typeof at !== 'object' || at === null) {
      return undefined
    }
    at = (at as Record<string, unknown>)[segment]
  }
  return at
}

function toPrismRequest(request: SentRequest): IHttpRequest {
  const query: Record<string, string | string[]> = {}
  for (const [name, value] of request.url.searchParams) {
    const previous = query[name]
    query[name] = previous === undefined ? value : [...[previous].flat(), value]
  }
  const headers = plainHeaders(request.headers)
  if (request.body !== undefined && request.body.byteLength > 0) {
    // Prism checks the media type of a body only when the length says there is one.
    headers['content-length'] = String(request.body.byteLength)
  }
  return {
    method: request.method.toLowerCase() as IHttpRequest['method'],
    url: { path: request.url.pathname, query },
    headers,
    body: readBody(request.headers.get('content-type'), request.body),
  }
}

function toPrismResponse(response: ReceivedResponse): IHttpResponse {
  return {
    statusCode: response.status,
    headers: plainHeaders(response.headers),
    body: readBody(response.headers.get('content-type'), response.body),
  }
}

function plainHeaders(headers: Headers) {
  const plain: Record<string, string> = {}
  headers.forEach((value, name) => {
    plain[name] = value
  })
  return plain
}

const jsonType = /^[^;]*[/+]json\s*(;|$)/i

/**
 * JSON is parsed (text that does not parse stays text, so the schema reports it); other bodies
 * stay text: Prism decodes forms itself, and XML and files have no schema to meet (see
 * operations.ts).
 */
function readBody(contentType: string | null, bytes: Uint8Array | undefined): unknown {
  if (bytes === undefined || bytes.byteLength === 0) {
    return undefined
  }
  const text = new TextDecoder().decode(bytes)
  if (contentType && jsonType.test(contentType)) {
    try {
      return JSON.parse(text)
    } catch {
      return text
    }
  }
  return text
}

export type { DocumentOperation }
