import { sqlStateOf } from './sql-state.ts'

/** How Node names the failures of a socket to the database. */
const socketFailures = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])

/** PostgreSQL shutting down or starting: administrator, crash, not yet accepting connections. */
const shutdowns = new Set(['57P01', '57P02', '57P03'])

/**
 * Whether `error` says the database could not be reached or went away during the request,
 * rather than refused a statement: a connection failure (SQLSTATE class 08), a shutdown, a
 * socket failure, or node-postgres's word that the connection ended. Looked for on the error
 * and on every error it wraps (Drizzle wraps the driver's).
 * @example databaseUnreachable(new Error('Connection terminated unexpectedly')) // true
 */
export function databaseUnreachable(error: unknown): boolean {
  const code = sqlStateOf(error)
  if (code !== undefined) {
    return code.startsWith('08') || shutdowns.has(code) || socketFailures.has(code)
  }
  return messagesOf(error).some((message) => /^Connection terminated|not queryable/.test(message))
}

function messagesOf(error: unknown): string[] {
  const messages: string[] = []
  const seen = new Set<unknown>()
  let current = error
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current)
    messages.push(current.message)
    current = current.cause
  }
  return messages
}
