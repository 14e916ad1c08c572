export interface RetryPolicy {
  /** First retry waits up to this long. */
  baseMs: number
  /** No retry waits longer than this. */
  capMs: number
  /** Tries before a delivery is marked dead (it stays in the log for replay). */
  maxTries: number
}

/** About 9 hours of retries before an event is marked dead. */
export const defaultRetryPolicy: RetryPolicy = { baseMs: 5_000, capMs: 60 * 60_000, maxTries: 12 }

/**
 * Exponential backoff with full jitter: uniformly random in [0, min(cap, base·2^(tries-1))).
 * Jitter keeps a receiver that comes back from being hit by every queued event at once.
 * @example retryDelayMs(3, { baseMs: 1000, capMs: 60_000, maxTries: 8 }) // 0 … 3999
 */
export function retryDelayMs(tries: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, tries - 1))
  return Math.floor(random() * ceiling)
}
