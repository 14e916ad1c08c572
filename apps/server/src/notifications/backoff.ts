export interface RetryPolicy {
  /** First retry waits up to this long. */
  baseMs: number
  /** No retry waits longer than this. */
  capMs: number
  /** Tries before a delivery is marked dead. */
  maxTries: number
}

export const defaultRetryPolicy: RetryPolicy = { baseMs: 2_000, capMs: 15 * 60_000, maxTries: 8 }

/**
 * Exponential backoff with full jitter: uniformly random in [0, min(cap, base·2^(tries-1))).
 * Full jitter spreads retries of many deliveries that failed together (a mail server coming
 * back) instead of sending them in one wave.
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
