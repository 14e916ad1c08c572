import { createHash } from 'node:crypto'

/**
 * The strong ETag of one representation of a versioned resource: the version, then a digest
 * of the bytes sent (text is hashed as its UTF-8). JSON and XML (or two time zones, or two `$select`s) of one revision are
 * different representations, so their tags differ; a new revision changes the version part.
 * @example representationTag(7, '{"TicketId":1}') // '"7-3oR9kTq0Yc"'
 */
export function representationTag(version: number, bytes: string | Uint8Array): string {
  const digest = createHash('sha256').update(bytes).digest('base64url').slice(0, 12)
  return `"${version}-${digest}"`
}

/**
 * The version an entity tag names: any representation's tag (`"7-…"`, weak or not) or the
 * bare version (`"7"`). Undefined when the tag is not one of ours.
 */
export function versionOfTag(tag: string): number | undefined {
  const match = /^(?:W\/)?"(\d+)(?:-[\w-]+)?"$/.exec(tag.trim())
  return match ? Number(match[1]) : undefined
}

/**
 * Whether an `If-None-Match` header names `tag` (weak comparison, RFC 9110: `W/` is ignored) or
 * is `*`: the client's copy is current and a GET answers 304.
 */
export function noneMatchHits(header: string | undefined, tag: string): boolean {
  if (header === undefined) {
    return false
  }
  const opaque = (t: string) => t.trim().replace(/^W\//, '')
  return header.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(tag))
}

/**
 * The weak form of `tag`, for a content-coded copy of a representation: its bytes differ from
 * the identity bytes, which keep the strong tag (RFC 9110 8.8.1), while `If-None-Match` (weak
 * comparison) still matches.
 */
export const weakTag = (tag: string): string => (tag.startsWith('W/') ? tag : `W/${tag}`)
