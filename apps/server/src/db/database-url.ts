/** Where the data lives, parsed from DATABASE_URL (see docs/decisions.md). */
export type DatabaseLocation =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'sqlite'; path: ':memory:' }
  | { dialect: 'pg'; url: string }

// A URL's scheme: two characters at least, so a Windows path (`C:\data\ticket.db`) stays a path.
const schemePattern = /^([A-Za-z][A-Za-z0-9+.-]+):/

/**
 * @example parseDatabaseUrl('file:/tmp/t.db') // { dialect: 'sqlite', path: '/tmp/t.db' }
 * @example parseDatabaseUrl('postgres://postgres@127.0.0.1/test') // { dialect: 'pg', … }
 * @throws a value with any other scheme (`sqlite:`, `mysql://`): taken as a path, it would
 *   silently create a file in a folder named after the scheme.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//.test(url)) {
    return { dialect: 'pg', url }
  }
  if (url === ':memory:' || url === 'file::memory:') {
    return { dialect: 'sqlite', path: ':memory:' }
  }
  if (url.startsWith('file:')) {
    return { dialect: 'sqlite', path: url.slice('file:'.length) }
  }
  const scheme = schemePattern.exec(url)?.[1]
  if (scheme !== undefined) {
    throw new Error(
      `DATABASE_URL begins with the scheme "${scheme}:", which is not one this server reads: give an SQLite file's path (or file:<path>, :memory:) or a postgres:// URL.`
    )
  }
  return { dialect: 'sqlite', path: url }
}
