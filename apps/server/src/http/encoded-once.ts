import type { Context } from 'hono'
import { addVary, chooseCoding } from './compression.ts'
import { type CodedCopies, codedCopy } from './encode-bytes.ts'
import { requestHeader } from './request-header.ts'

/**
 * Answers a large body that rarely changes (the docs bundle, the OpenAPI document) in the coding
 * the client accepts, each coding encoded once per content instead of on every request: the
 * bundle costs about 200 ms of CPU to compress. `read` gives the current content; when it
 * changes (the document regenerated under `pnpm dev`), the encodings are made again. The
 * compression middleware leaves an answer that already carries `Content-Encoding` alone.
 */
export function encodedOnce(read: () => string, headers: Record<string, string>) {
  let source: string | undefined
  let identity = new Uint8Array(0)
  let encoded: CodedCopies = new Map()
  return async (c: Context) => {
    const text = read()
    if (text !== source) {
      source = text
      identity = new TextEncoder().encode(text)
      encoded = new Map()
    }
    const accepted = requestHeader(c, 'accept-encoding')
    const coding = accepted === undefined ? undefined : chooseCoding(accepted)
    if (coding === undefined || coding === 'identity') {
      c.res = c.body(identity, 200, headers)
      addVary(c)
      return c.res
    }
    const bytes = await codedCopy(encoded, coding, identity)
    c.res = c.body(bytes, 200, { ...headers, 'content-encoding': coding })
    addVary(c)
    return c.res
  }
}
