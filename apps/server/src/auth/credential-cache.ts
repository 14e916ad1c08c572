import { hash } from 'node:crypto'

/**
 * Remembers credentials that verified recently, so a busy client does not pay a slow hash on
 * every request. Keys are SHA-256 digests of the credential, never the credential itself;
 * entries expire and the map is bounded (oldest first out). An expired entry is still handed out,
 * marked expired, until it is replaced: its holder may be able to renew it without the slow hash.
 */
export class CredentialCache<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>()

  private readonly ttlMs: number
  private readonly maxEntries: number
  private readonly now: () => number

  constructor(ttlMs = 5 * 60_000, maxEntries = 10_000, now: () => number = Date.now) {
    this.ttlMs = ttlMs
    this.maxEntries = maxEntries
    this.now = now
  }

  static keyOf(...parts: string[]): string {
    // The one-shot digest: a Hash object per request cost three times as much, on every request.
    return hash('sha256', parts.join('\u0000'), 'base64')
  }

  lookup(key: string): { value: T; expired: boolean } | undefined {
    const entry = this.entries.get(key)
    return entry && { value: entry.value, expired: entry.expiresAt <= this.now() }
  }

  set(key: string, value: T): void {
    this.entries.delete(key)
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs })
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) {
        this.entries.delete(oldest)
      }
    }
  }

  clear(): void {
    this.entries.clear()
  }
}
