/**
 * Serialises async critical sections. SQLite has one writer; an async transaction body must not
 * interleave with another one on the same connection, or both would share one BEGIN.
 */
export class Mutex {
  private tail: Promise<void> = Promise.resolve()

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail
    let release = () => {}
    this.tail = new Promise<void>((resolve) => {
      release = resolve
    })
    await previous
    try {
      return await fn()
    } finally {
      release()
    }
  }
}
