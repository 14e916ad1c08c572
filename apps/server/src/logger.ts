import pino from 'pino'

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
export const redactedPaths = [
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["x-xsrf-token"]',
  'headers["so-apptoken"]',
  ...['password', 'Password', 'token', 'Token', 'secret', 'Secret', 'passwordHash'].flatMap(
    (key) => [key, `*.${key}`]
  ),
]

/**
 * A pino logger writing to `destination` (stderr by default). Call sites keep the
 * `(message, fields)` order; `err` fields are serialised with their stack.
 */
export function createLogger(
  level: 'silent' | 'info' | 'debug',
  destination: pino.DestinationStream = pino.destination({ dest: 2, sync: false })
): Logger {
  const log = pino(
    {
      level,
      messageKey: 'message',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactedPaths, censor: '[redacted]' },
    },
    destination
  )
  return {
    debug: (message, fields) => log.debug(fields ?? {}, message),
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
    isDebug: () => log.isLevelEnabled('debug'),
  }
}
