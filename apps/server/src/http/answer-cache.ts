import { LRUCache } from 'lru-cache'
import type { ContentCoding } from './compression.ts'
import { type CodedCopies, codedCopy } from './encode-bytes.ts'
import type { Representation } from './send-entity.ts'

/**
 * A kept answer: the representation with its bytes encoded once (held outside the JS heap),
 * and the content codings made of them so far.
 */
export interface KeptAnswer extends Representation {
  body: Uint8Array<ArrayBuffer>
  readonly key: string
  readonly codings: CodedCopies
  /** Bytes of the codings made so far (counted against the budget). */
  readonly codedBytes: number
}

// What an entry costs besides its bytes and key: the object, the maps, the LRU's slots.
const entryOverhead = 512
const sizeOf = (answer: KeptAnswer) =>
  answer.body.byteLength + answer.codedBytes + answer.key.length * 2 + entryOverhead

/**
 * Serialised answers kept for reuse, least recently used dropped first, within `maxBytes`
 * (bytes of the bodies, their compressed codings and keys, plus a fixed cost per entry). The
 * key must name everything the bytes depend on, including the version of the data: an entry is
 * never invalidated, only no longer asked for.
 */
export function createAnswerCache(maxBytes: number) {
  const entries = new LRUCache<string, KeptAnswer>({
    maxSize: Math.max(maxBytes, 1),
    sizeCalculation: sizeOf,
  })
  const fits = (answer: KeptAnswer) => maxBytes > 0 && sizeOf(answer) <= maxBytes
  return {
    get: (key: string) => entries.get(key),
    /** Keeps `representation` under `key`; one larger than the budget is not kept. */
    keep(key: string, representation: Representation): KeptAnswer {
      const body =
        typeof representation.body === 'string'
          ? Buffer.from(representation.body, 'utf8')
          : representation.body
      const answer: KeptAnswer = { ...representation, body, key, codings: new Map(), codedBytes: 0 }
      if (fits(answer)) {
        entries.set(key, answer)
      }
      return answer
    },
    /** The answer's bytes in `coding`, encoded the first time they are asked for. */
    coded(answer: KeptAnswer, coding: ContentCoding): Promise<Uint8Array<ArrayBuffer>> {
      return codedCopy(answer.codings, coding, answer.body, (bytes) => {
        // The LRU counts a size when an entry is set, and only for a new object: the entry is
        // set again as a copy (sharing the codings) so the budget counts this coding. An entry
        // dropped or replaced meanwhile stays as it is.
        const current = entries.peek(answer.key)
        if (current?.codings !== answer.codings) {
          return
        }
        const counted = { ...current, codedBytes: current.codedBytes + bytes.byteLength }
        if (fits(counted)) {
          entries.set(answer.key, counted)
        } else {
          entries.delete(answer.key)
        }
      })
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
