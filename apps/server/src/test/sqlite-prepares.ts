import type { Store } from '../db/store.ts'

/**
 * The statements SQLite prepares on the store's connections (the writer and the reader) while
 * `fn` runs, by their text: a request that builds no query text prepares none.
 */
export async function sqlitePreparesDuring(
  store: Store,
  fn: () => Promise<unknown>
): Promise<string[]> {
  if (store.dialect !== 'sqlite') {
    throw new Error('counts SQLite statements only')
  }
  const texts: string[] = []
  const connections = [...new Set([store.native.db.$client, store.native.reader.$client])]
  const originals = connections.map((connection) => connection.prepare)
  for (const connection of connections) {
    const original = connection.prepare
    connection.prepare = function (this: typeof connection, text: string) {
      texts.push(text)
      return original.call(this, text)
    } as typeof connection.prepare
  }
  try {
    await fn()
  } finally {
    connections.forEach((connection, i) => {
      connection.prepare = originals[i] as typeof connection.prepare
    })
  }
  return texts
}
