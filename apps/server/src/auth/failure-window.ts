/**
 * Failures per key in a sliding window. Only the newest `limit` times per key are kept and the
 * number of keys is bounded (least recently failed out first), so memory stays small under a
 * flood of made-up keys.
 */
export class FailureWindow {
  private readonly failures = new Map<string, number[]>()
  private readonly limit: number
  private readonly windowMs: number
  private readonly maxKeys: number

  constructor(limit: number, windowMs: number, maxKeys = 50_000) {
    this.limit = limit
    this.windowMs = windowMs
    this.maxKeys = maxKeys
  }

  /** Milliseconds until the key may try again; 0 while it has fewer than `limit` failures. */
  retryAfterMs(key: string, now: number): number {
    const times = this.live(key, now)
    const gate = times[times.length - this.limit]
    return times.length < this.limit || gate === undefined ? 0 : gate + this.windowMs - now
  }

  /** Failures of the key within the window. */
  count(key: string, now: number): number {
    return this.live(key, now).length
  }

  fail(key: string, now: number): void {
    const times = [...this.live(key, now), now].slice(-this.limit)
    this.failures.delete(key)
    this.failures.set(key, times)
    if (this.failures.size > this.maxKeys) {
      const oldest = this.failures.keys().next().value
      if (oldest !== undefined) {
        this.failures.delete(oldest)
      }
    }
  }

  clear(key: string): void {
    this.failures.delete(key)
  }

  private live(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs)
    if (times.length === 0) {
      this.failures.delete(key)
    }
    return times
  }
}
