import { Socket } from 'node:net'

/**
 * Calls `onWrite` with the chunks of every socket write to the PostgreSQL server at `url`
 * (one call per write, whatever the number of chunks) while `fn` runs. Watches every connection
 * of this process to that server: keep other work quiet.
 */
async function watchPgWrites(
  url: string,
  onWrite: (chunks: unknown[]) => void,
  fn: () => Promise<unknown>
): Promise<void> {
  const port = Number(new URL(url).port || 5432)
  const proto = Socket.prototype as unknown as Record<
    '_write' | '_writev',
    (...a: unknown[]) => void
  >
  const originals = { _write: proto._write, _writev: proto._writev }
  proto._write = function (this: Socket, ...args: unknown[]) {
    if (this.remotePort === port) {
      onWrite([args[0]])
    }
    return originals._write.apply(this, args)
  }
  proto._writev = function (this: Socket, ...args: unknown[]) {
    if (this.remotePort === port) {
      onWrite((args[0] as { chunk: unknown }[]).map(({ chunk }) => chunk))
    }
    return originals._writev.apply(this, args)
  }
  try {
    await fn()
  } finally {
    Object.assign(proto, originals)
  }
}

/**
 * Socket writes to the PostgreSQL server at `url` while `fn` runs. Every batch a client waits on
 * goes out in one write (a statement, or several pipelined), so this is the number of round
 * trips. Counts every connection of this process to that server: keep other work quiet.
 */
export async function pgWritesDuring(url: string, fn: () => Promise<unknown>): Promise<number> {
  let writes = 0
  await watchPgWrites(
    url,
    () => {
      writes++
    },
    fn
  )
  return writes
}

/**
 * Statements this process sends to the PostgreSQL server at `url` while `fn` runs: each
 * Execute message of the extended protocol and each simple Query (BEGIN, COMMIT, SAVEPOINT).
 * Counts every connection of this process to that server: keep other work quiet.
 */
export async function pgStatementsDuring(url: string, fn: () => Promise<unknown>): Promise<number> {
  let statements = 0
  // Messages are a type byte and a length that counts itself; node-postgres writes whole ones.
  const count = (chunk: unknown) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    for (let at = 0; at + 5 <= bytes.length; at += 1 + bytes.readInt32BE(at + 1)) {
      const type = String.fromCharCode(bytes[at] ?? 0)
      if (type === 'E' || type === 'Q') {
        statements++
      }
    }
  }
  await watchPgWrites(url, (chunks) => chunks.forEach(count), fn)
  return statements
}
