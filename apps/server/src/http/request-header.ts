import type { IncomingMessage } from 'node:http'
import type { Context } from 'hono'

/**
 * Headers Node keeps once (the first) in `incoming.headers` where the web `Headers` the Node
 * adapter would build joins every copy: for these the copies are read and joined the same way.
 */
const keptOnceByNode = new Set([
  'age',
  'authorization',
  'content-length',
  'content-type',
  'etag',
  'expires',
  'from',
  'host',
  'if-modified-since',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'proxy-authorization',
  'referer',
  'retry-after',
  'server',
  'user-agent',
])

const incomingOf = (c: Context): IncomingMessage | undefined => {
  const env = c.env as { incoming?: unknown } | undefined
  const incoming = env?.incoming
  // HTTP/2's request has no joined `headers` of the same shape; it takes the general road.
  return incoming !== null &&
    typeof incoming === 'object' &&
    'httpVersionMajor' in incoming &&
    (incoming as IncomingMessage).httpVersionMajor === 1
    ? (incoming as IncomingMessage)
    : undefined
}

/**
 * One request header by its lower-case name, exactly as `c.req.header(name)` answers it, read
 * from the headers Node's HTTP/1 parser already split, lower-cased and joined. The web road
 * checks and lower-cases the name on every read and scans every raw header for some names; a
 * request reads about twenty headers, several more than once. Node's parser has already
 * refused what that road would refuse (control characters, bad names) and trimmed the values.
 */
export function requestHeader(c: Context, name: Lowercase<string>): string | undefined {
  const incoming = incomingOf(c)
  if (incoming === undefined) {
    return c.req.header(name)
  }
  if (keptOnceByNode.has(name)) {
    const first = incoming.headers[name]
    // Node dropped no copy when every raw header became a name of its own (the usual request).
    if (
      first === undefined ||
      Object.keys(incoming.headers).length * 2 === incoming.rawHeaders.length
    ) {
      return first as string | undefined
    }
    const copies = incoming.headersDistinct[name] ?? []
    return copies.length === 1 ? copies[0] : copies.join(', ')
  }
  const value: unknown = incoming.headers[name]
  if (typeof value === 'string' || value === undefined) {
    return value
  }
  // A list (set-cookie) or a name the headers object inherits: the general road.
  return c.req.header(name)
}
