/** Where the data lives, parsed from DATABASE_URL (see docs/decisions.md). */
export type DatabaseLocation =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'sqlite'; path: ':memory:' }
  | { dialect: 'pg'; url: string }

/**
 * @example parseDatabaseUrl('file:/tmp/t.db') // { dialect: 'sqlite', path: '/tmp/t.db' }
 * @example parseDatabaseUrl('postgres://postgres@127.0.0.1/test') // { dialect: 'pg', … }
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//.test(url)) {
    return { dialect: 'pg', url }
  }
  if (url === ':memory:' || url === 'file::memory:') {
    return { dialect: 'sqlite', path: ':memory:' }
  }
  return { dialect: 'sqlite', path: url.startsWith('file:') ? url.slice('file:'.length) : url }
}
