/** The fields a database driver adds to its errors (PostgreSQL's SQLSTATE, detail, hint). */
interface DriverFields {
  code?: unknown
  detail?: unknown
  hint?: unknown
}

function describeOne(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error)
  }
  const { code, detail, hint } = error as Error & DriverFields
  const extras = [
    typeof code === 'string' ? `code ${code}` : undefined,
    typeof detail === 'string' ? detail : undefined,
    typeof hint === 'string' ? `hint: ${hint}` : undefined,
  ].filter((part) => part !== undefined)
  return extras.length > 0 ? `${error.message} (${extras.join('; ')})` : error.message
}

/**
 * An error and its chain of causes, one per line. A failed query's message only names the
 * statement; the database's own reason is in its cause.
 * @example describeError(new Error('Failed query', { cause: new Error('relation exists') }))
 * // 'Failed query\n  caused by: relation exists'
 */
export function describeError(error: unknown): string {
  const lines = [describeOne(error)]
  const seen = new Set<unknown>([error])
  let cause = error instanceof Error ? error.cause : undefined
  while (cause !== undefined && !seen.has(cause) && lines.length < 10) {
    seen.add(cause)
    lines.push(`  caused by: ${describeOne(cause)}`)
    cause = cause instanceof Error ? cause.cause : undefined
  }
  return lines.join('\n')
}
