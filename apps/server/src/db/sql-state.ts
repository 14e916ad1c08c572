/**
 * The SQLSTATE PostgreSQL answered a refused statement with, found on the driver's error or on
 * any error wrapped around it (Drizzle wraps the driver's; a caller may wrap Drizzle's);
 * undefined when no error in the chain carries one (the connection failed, or not a database
 * error at all).
 * @example sqlStateOf(new Error('could not save', { cause: drizzleError })) // '23505'
 */
export function sqlStateOf(error: unknown): string | undefined {
  const seen = new Set<unknown>()
  let current = error
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current)
    const { code, cause } = current as { code?: unknown; cause?: unknown }
    if (typeof code === 'string') {
      return code
    }
    current = cause
  }
  return undefined
}
