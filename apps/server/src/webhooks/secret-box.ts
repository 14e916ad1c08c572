import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { ApiError } from '../http/api-error.ts'

const prefix = 'aes256gcm:'

export interface SecretBox {
  /** The secret as stored: AES-256-GCM under the environment's key, never the plain text. */
  seal(plain: string): string
  /** The plain secret of a stored value; throws when the key is missing or wrong. */
  open(stored: string): string
}

/**
 * Webhook secrets at rest, encrypted with `TICKET_SECRET_KEY` (32 bytes, base64 or hex): a
 * copy of the database alone does not let anyone sign events as this server. Without the key no
 * webhook can be registered. A value stored before encryption existed (no prefix) reads as is.
 */
export function createSecretBox(keyText: string | undefined): SecretBox {
  const key = keyText === undefined ? undefined : parseKey(keyText)
  const needKey = () => {
    if (!key) {
      throw new ApiError(
        'SERVICE_UNAVAILABLE',
        'Webhook secrets are stored encrypted: set TICKET_SECRET_KEY (32 random bytes, base64) to register webhooks.'
      )
    }
    return key
  }
  return {
    seal(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', needKey(), iv)
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return `${prefix}${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64')}`
    },
    open(stored) {
      if (!stored.startsWith(prefix)) {
        return stored
      }
      const raw = Buffer.from(stored.slice(prefix.length), 'base64')
      const decipher = createDecipheriv('aes-256-gcm', needKey(), raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(12, 28))
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}

/** 32 bytes written as 64 hex digits or as base64. */
export function parseKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64')
  if (key.length !== 32) {
    throw new Error('TICKET_SECRET_KEY must be 32 bytes, as base64 or 64 hex digits')
  }
  return key
}
