import { parseBasic } from './basic-credentials.ts'

export type Presented =
  | { scheme: 'basic'; userName: string; password: string }
  | { scheme: 'bearer'; token: string }
  | { scheme: 'soticket'; ticket: string }

/**
 * `Authorization` → the credential it presents, or undefined for an unsupported or malformed
 * header. The scheme name is case-insensitive (RFC 9110 §11.1).
 * @example parseAuthorization('SOTicket 7T:abc==') // { scheme: 'soticket', ticket: '7T:abc==' }
 */
export function parseAuthorization(header: string): Presented | undefined {
  const match = /^([A-Za-z]+)[ \t]+(\S+)[ \t]*$/.exec(header)
  if (!match?.[1] || !match[2]) {
    return undefined
  }
  switch (match[1].toLowerCase()) {
    case 'basic': {
      const basic = parseBasic(header)
      return basic && { scheme: 'basic', ...basic }
    }
    case 'bearer':
      return { scheme: 'bearer', token: match[2] }
    case 'soticket':
      return { scheme: 'soticket', ticket: match[2] }
    default:
      return undefined
  }
}
