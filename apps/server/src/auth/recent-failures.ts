/**
 * The throttle keys this process has heard fail lately, with the time of each key's newest
 * failure. It only tells which keys certainly have no failure in a window; the counts stay in
 * the table. Bounded: past `capacity` keys it forgets them all and answers "maybe" for every key
 * until the newest failure it heard is older than `horizonMs` (the longest window), so a flood
 * of made-up names costs reads, never memory and never a missed failure.
 */
export class RecentFailures {
  private readonly newest = new Map<string, number>()
  /** While a check's time is before this, every key may have failed (after an overflow). */
  private floodUntil = Number.NEGATIVE_INFINITY
  /** The newest failure heard of any key: an overflow must outlast it. */
  private latest = Number.NEGATIVE_INFINITY

  private readonly horizonMs: number
  private readonly capacity: number

  constructor(horizonMs: number, capacity: number) {
    this.horizonMs = horizonMs
    this.capacity = capacity
  }

  /** `keys` failed at `at` (the failing process's clock, as written in the table). */
  heard(keys: Iterable<string>, at: number): void {
    this.latest = Math.max(this.latest, at)
    for (const key of keys) {
      if (at < this.floodUntil) {
        this.floodUntil = Math.max(this.floodUntil, at + this.horizonMs)
        return
      }
      const known = this.newest.get(key)
      if (known === undefined && this.newest.size >= this.capacity && !this.pruned(at)) {
        this.newest.clear()
        this.floodUntil = this.latest + this.horizonMs
        return
      }
      this.newest.set(key, Math.max(known ?? at, at))
    }
  }

  /** Whether `key` may have failed within `windowMs` before `now`. */
  mayHaveFailed(key: string, windowMs: number, now: number): boolean {
    if (now < this.floodUntil) {
      return true
    }
    const at = this.newest.get(key)
    if (at === undefined) {
      return false
    }
    if (at + Math.max(windowMs, this.horizonMs) <= now) {
      this.newest.delete(key)
      return false
    }
    return at + windowMs > now
  }

  /** Drops the keys whose newest failure is past the horizon at `now`; whether room was made. */
  private pruned(now: number): boolean {
    for (const [key, at] of this.newest) {
      if (at + this.horizonMs <= now) {
        this.newest.delete(key)
      }
    }
    return this.newest.size < this.capacity
  }
}
