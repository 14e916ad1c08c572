/** A structured line logger on stderr; tests pass `silent`. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

export function createLogger(level: 'silent' | 'info' | 'debug'): Logger {
  const write = (lvl: string, message: string, fields: Record<string, unknown> = {}) => {
    if (level === 'silent') {
      return
    }
    const { err, ...rest } = fields
    const error = err instanceof Error ? { error: err.message, stack: err.stack } : {}
    process.stderr.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: lvl, message, ...rest, ...error })}\n`
    )
  }
  return {
    info: (m, f) => write('info', m, f),
    error: (m, f) => write('error', m, f),
  }
}
