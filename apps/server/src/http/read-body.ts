import type { Context } from 'hono'
import { ApiError } from './api-error.ts'

export type RequestBody =
  | { kind: 'entity'; value: unknown }
  | { kind: 'json-patch'; value: unknown }
  | { kind: 'merge-patch'; value: unknown }

const mediaTypeOf = (c: Context) =>
  (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''

/**
 * Reads a request body by its media type. An empty body is `null` (agent calls without
 * parameters send none, or the literal `null`). Anything unreadable is a 4xx, never a 500.
 */
export async function readRequestBody(c: Context): Promise<RequestBody> {
  const text = await c.req.text()
  const mediaType = mediaTypeOf(c)
  if (text.trim() === '') {
    return { kind: 'entity', value: null }
  }
  switch (mediaType) {
    case '':
    case 'application/json':
    case 'text/json':
      return { kind: 'entity', value: parseJson(text) }
    case 'application/json-patch+json':
      return { kind: 'json-patch', value: parseJson(text) }
    case 'application/merge-patch+json':
      return { kind: 'merge-patch', value: parseJson(text) }
    default:
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `Content-Type ${mediaType} is not supported.`)
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ApiError('BAD_REQUEST', `The body is not valid JSON: ${(error as Error).message}`)
  }
}
