import { createHmac } from 'node:crypto'

/**
 * `X-SuperOffice-Signature`: base64 HMAC-SHA256 of the exact body bytes with the webhook secret.
 * @example signBody('{"Event":"test"}', 's3cret')
 */
export function signBody(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64')
}
