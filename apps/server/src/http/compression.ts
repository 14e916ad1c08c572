import { pipeline, Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import {
  type BrotliOptions,
  constants,
  createBrotliCompress,
  createDeflate,
  createGzip,
  type ZlibOptions,
} from 'node:zlib'
import type { Context, MiddlewareHandler } from 'hono'
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress'
import Negotiator from 'negotiator'
import { closeCompleteAnswer } from './complete-answer.ts'
import { weakTag } from './etag.ts'
import { requestHeader } from './request-header.ts'

/** Below this many bytes compression costs more than it saves. */
export const COMPRESSION_THRESHOLD = 1024

/**
 * The codings offered, best first: on equal `q` the client gets the first it accepts (br packs
 * JSON and the docs bundle tighter than gzip at the same cost). `identity` last, so that a
 * client that prefers it, or refuses everything else, gets the bytes as they are.
 */
const CODINGS = ['br', 'gzip', 'deflate', 'identity'] as const
export type Coding = (typeof CODINGS)[number]
/** A coding that changes the bytes (every one but `identity`). */
export type ContentCoding = Exclude<Coding, 'identity'>

/**
 * Brotli quality 5: smaller than gzip's default on every answer measured (a ticket 9.1 KB: gzip
 * 1,287 B, br 1,229 B; the OpenAPI document 423 KB: 38 KB, 28 KB; the docs bundle 4.9 MB:
 * 1.41 MB, 1.22 MB) at gzip's cost on small answers and about twice it on the bundle, which
 * zlib's thread pool carries. Quality 4 is larger than gzip on a ticket; the default 11 is meant
 * for files packed once and takes seconds on the bundle.
 */
const BROTLI_QUALITY = 5

/**
 * br, gzip or deflate by the request's `Accept-Encoding` (its q-values; br on a tie), for
 * compressible types over the threshold. Never for a live stream (server-sent events), a range,
 * a HEAD, an answer already encoded or marked `no-transform`. A body built from a string carries
 * no `Content-Length` yet, so it is measured first; a streamed one (unknown length) is
 * compressed as it goes. A compressed answer's strong ETag becomes weak: its bytes differ from
 * the identity representation's, which keeps the strong tag (RFC 9110 8.8.1), while the weak
 * tag still matches for `If-None-Match`.
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    const accepted = requestHeader(c, 'accept-encoding')
    if (accepted !== undefined) {
      // Whether and how it compresses depends on the answer's type, size and headers.
      closeCompleteAnswer(c)
    }
    await next()
    if (accepted === undefined || !eligible(c)) {
      return
    }
    const length = await measuredLength(c)
    if (length !== undefined && length < COMPRESSION_THRESHOLD) {
      return
    }
    addVary(c)
    const coding = chooseCoding(accepted)
    if (coding === undefined || coding === 'identity' || !c.res.body) {
      return
    }
    const source = Readable.fromWeb(c.res.body as NodeReadableStream)
    // pipeline, not pipe: a failing body fails the encoded stream instead of leaving it open.
    const encoded = pipeline(source, encoderFor(coding, length), () => {})
    // Hono copies the previous answer's headers onto an assigned one: edit them after.
    c.res = new Response(Readable.toWeb(encoded) as ReadableStream, c.res)
    const { headers } = c.res
    headers.delete('content-length')
    headers.set('content-encoding', coding)
    const etag = headers.get('etag')
    if (etag) {
      headers.set('etag', weakTag(etag))
    }
  }
}

/** The coding for an `Accept-Encoding` header: highest q first, then the order of CODINGS. */
export function chooseCoding(acceptEncoding: string): Coding | undefined {
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } })
  return negotiator.encoding(CODINGS, { preferred: CODINGS }) as Coding | undefined
}

function eligible(c: Context): boolean {
  const { res } = c
  const type = res.headers.get('content-type') ?? ''
  return (
    res.status !== 206 &&
    c.req.method !== 'HEAD' &&
    !res.headers.has('content-encoding') &&
    // Server-sent events stream chunked and must reach the client as each event is written.
    !res.headers.has('transfer-encoding') &&
    !/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('cache-control') ?? '') &&
    COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)
  )
}

/**
 * The body's size: its `Content-Length`, or, for a body built from a string (no length yet),
 * the bytes counted after reading it, with the length then set. Live streams never get here
 * (they are not eligible), so reading the body ends.
 */
async function measuredLength(c: Context): Promise<number | undefined> {
  const declared = c.res.headers.get('content-length')
  if (declared !== null) {
    return Number(declared)
  }
  if (!c.res.body) {
    return 0
  }
  const bytes = await c.res.arrayBuffer()
  c.res = new Response(bytes, c.res)
  c.res.headers.set('content-length', String(bytes.byteLength))
  return bytes.byteLength
}

export function addVary(c: Context) {
  const vary = c.res.headers.get('vary')
  if (vary === '*' || (vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) {
    return
  }
  c.res.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
}

function encoderFor(coding: ContentCoding, length: number | undefined) {
  const options = encoderOptions(coding, length)
  if (coding === 'br') {
    return createBrotliCompress(options)
  }
  return coding === 'gzip' ? createGzip(options) : createDeflate(options)
}

/** The encoder settings of a coding, shared by streamed answers and bodies encoded once. */
export function encoderOptions(
  coding: ContentCoding,
  length: number | undefined
): BrotliOptions | ZlibOptions {
  if (coding !== 'br') {
    return {}
  }
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      ...(length === undefined ? {} : { [constants.BROTLI_PARAM_SIZE_HINT]: length }),
    },
  }
}
