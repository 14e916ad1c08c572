/** `Authorization: Basic base64(user:password)` → its parts, or undefined when malformed. */
export function parseBasic(header: string): { userName: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)
  if (!match?.[1]) {
    return undefined
  }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon <= 0) {
    return undefined
  }
  return { userName: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}
