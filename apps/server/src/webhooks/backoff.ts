import type { RetryPolicy } from '../outbox/backoff.ts'

/** About 9 hours of retries before an event is marked dead (it stays in the log for replay). */
export const defaultRetryPolicy: RetryPolicy = { baseMs: 5_000, capMs: 60 * 60_000, maxTries: 12 }
