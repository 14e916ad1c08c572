import { Socket } from 'node:net'

/**
 * Socket writes to the PostgreSQL server at `url` while `fn` runs. Every batch a client waits on
 * goes out in one write (a statement, or several pipelined), so this is the number of round
 * trips. Counts every connection of this process to that server: keep other work quiet.
 */
export async function pgWritesDuring(url: string, fn: () => Promise<unknown>): Promise<number> {
  const port = Number(new URL(url).port || 5432)
  let writes = 0
  const proto = Socket.prototype as unknown as Record<
    '_write' | '_writev',
    (...a: unknown[]) => void
  >
  const originals = { _write: proto._write, _writev: proto._writev }
  for (const name of ['_write', '_writev'] as const) {
    const original = originals[name]
    proto[name] = function (this: Socket, ...args: unknown[]) {
      if (this.remotePort === port) {
        writes++
      }
      return original.apply(this, args)
    }
  }
  try {
    await fn()
  } finally {
    Object.assign(proto, originals)
  }
  return writes
}
