export interface RetryPolicy {
  /** First retry waits up to this long. */
  baseMs: number
  /** No retry waits longer than this. */
  capMs: number
  /** Tries before a delivery is marked dead. */
  maxTries: number
}

/**
 * Exponential backoff with full jitter: uniformly random in [0, min(cap, base·2^(tries-1))).
 * Full jitter spreads retries of many deliveries that failed together (a mail server or a
 * webhook receiver coming back) instead of sending them in one wave.
 * @example retryDelayMs(3, { baseMs: 1000, capMs: 60_000, maxTries: 8 }) // 0 … 3999
 */
export function retryDelayMs(
  tries: number,
  policy: RetryPolicy,
  random: () => number = Math.random
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, tries - 1))
  return Math.floor(random() * ceiling)
}

/** `now` plus `ms`, as the ISO text stored in `next_attempt_at`. */
export const isoAfter = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString()
