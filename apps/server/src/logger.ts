import pino from 'pino'
import { isoTimeOncePerSecond } from './log-time.ts'

/** The service's structured logger: JSON lines on stderr; tests pass `silent`. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
  isDebug(): boolean
}

/**
 * Secrets never reach the log, whatever a call site passes: credentials in request headers,
 * and any field named like a password or token at the top level or one object deep.
 */
const secretKeys = ['password', 'Password', 'token', 'Token', 'secret', 'Secret', 'passwordHash']
const secretKeySet = new Set(secretKeys)

export const redactedPaths = [
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["x-xsrf-token"]',
  'headers["so-apptoken"]',
  ...secretKeys.flatMap((key) => [key, `*.${key}`]),
]

/**
 * Whether no redacted path can reach into `fields`: every path names a secret key at the top
 * level or one inside an object value. Such lines (the access log's, one per request) skip the
 * redaction pass, which costs several times the rest of writing the line.
 */
function plainFields(fields: Record<string, unknown>): boolean {
  for (const key in fields) {
    const value = fields[key]
    if (secretKeySet.has(key) || (typeof value === 'object' && value !== null)) {
      return false
    }
  }
  return true
}

/**
 * A pino logger writing to `destination` (stderr by default). Call sites keep the
 * `(message, fields)` order; `err` fields are serialised with their stack.
 */
export function createLogger(
  level: 'silent' | 'info' | 'debug',
  destination: pino.DestinationStream = pino.destination({ dest: 2, sync: false })
): Logger {
  const options: pino.LoggerOptions = {
    level,
    messageKey: 'message',
    base: undefined,
    timestamp: isoTimeOncePerSecond(),
    formatters: { level: (label) => ({ level: label }) },
  }
  const log = pino(
    { ...options, redact: { paths: redactedPaths, censor: '[redacted]' } },
    destination
  )
  // Same options and destination, so its lines are the ones `log` would write for the same fields.
  const plain = pino(options, destination)
  const pick = (fields: Record<string, unknown>) => (plainFields(fields) ? plain : log)
  const noFields = {}
  return {
    debug: (message, fields = noFields) => pick(fields).debug(fields, message),
    info: (message, fields = noFields) => pick(fields).info(fields, message),
    warn: (message, fields = noFields) => pick(fields).warn(fields, message),
    error: (message, fields = noFields) => pick(fields).error(fields, message),
    isDebug: () => log.isLevelEnabled('debug'),
  }
}
