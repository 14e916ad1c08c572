import { LRUCache } from 'lru-cache'
import type { Representation } from './send-entity.ts'

/** A kept answer: the representation with its bytes encoded once (held outside the JS heap). */
export interface KeptAnswer extends Representation {
  body: Uint8Array<ArrayBuffer>
}

// What an entry costs besides its bytes and key: the object, the headers, the LRU's slots.
const entryOverhead = 512

/**
 * Serialised answers kept for reuse, least recently used dropped first, within `maxBytes`
 * (bytes of the bodies and keys plus a fixed cost per entry). The key must name everything the
 * bytes depend on, including the version of the data: an entry is never invalidated, only
 * no longer asked for.
 */
export function createAnswerCache(maxBytes: number) {
  const entries = new LRUCache<string, KeptAnswer>({
    maxSize: Math.max(maxBytes, 1),
    sizeCalculation: (answer, key) => answer.body.byteLength + key.length * 2 + entryOverhead,
  })
  return {
    get: (key: string) => entries.get(key),
    /** Keeps `representation` under `key`; one larger than the budget is not kept. */
    keep(key: string, representation: Representation): KeptAnswer {
      const body =
        typeof representation.body === 'string'
          ? Buffer.from(representation.body, 'utf8')
          : representation.body
      const answer: KeptAnswer = { ...representation, body }
      if (maxBytes > 0 && body.byteLength + key.length * 2 + entryOverhead <= maxBytes) {
        entries.set(key, answer)
      }
      return answer
    },
    /** Bytes held now (as counted against the budget). */
    get heldBytes() {
      return entries.calculatedSize
    },
    get size() {
      return entries.size
    },
  }
}

export type AnswerCache = ReturnType<typeof createAnswerCache>
