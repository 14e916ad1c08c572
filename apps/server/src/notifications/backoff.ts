import type { RetryPolicy } from '../outbox/backoff.ts'

export const defaultRetryPolicy: RetryPolicy = { baseMs: 2_000, capMs: 15 * 60_000, maxTries: 8 }
