import { brotliDecompressSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createAnswerCache } from './answer-cache.ts'

const answer = (bytes: number) => ({
  mediaType: 'application/json' as const,
  body: 'x'.repeat(bytes),
  etag: '"1-abc"',
})

describe('the answer cache', () => {
  it('stays within its byte budget, dropping the least recently used first', () => {
    const cache = createAnswerCache(100_000)
    for (let i = 0; i < 100; i++) {
      cache.keep(`ticket ${i}`, answer(10_000))
      cache.get('ticket 0')
      expect(cache.heldBytes).toBeLessThanOrEqual(100_000)
    }
    expect(cache.size).toBeGreaterThan(5)
    expect(cache.size).toBeLessThan(10)
    // Read after every write, the first entry is the most recently used and stays.
    expect(cache.get('ticket 0')).toBeDefined()
    expect(cache.get('ticket 1')).toBeUndefined()
    expect(cache.get('ticket 99')).toBeDefined()
  })

  it('keeps bytes, not strings, and never an answer larger than the budget', () => {
    const cache = createAnswerCache(10_000)
    const kept = cache.keep('small', { ...answer(0), body: 'ø' })
    expect(kept.body).toBeInstanceOf(Uint8Array)
    expect(kept.body.byteLength).toBe(2)
    const large = cache.keep('large', answer(20_000))
    expect(large.body.byteLength).toBe(20_000)
    expect(cache.get('large')).toBeUndefined()
    expect(cache.get('small')).toBeDefined()
  })

  it('encodes a coding once and counts it against the budget', async () => {
    const cache = createAnswerCache(1_000_000)
    const kept = cache.keep('one', answer(50_000))
    const before = cache.heldBytes
    const br = await cache.coded(kept, 'br')
    expect(brotliDecompressSync(br).equals(Buffer.from(kept.body))).toBe(true)
    await new Promise((resolve) => setImmediate(resolve))
    expect(cache.heldBytes).toBe(before + br.byteLength)
    const again = cache.get('one')
    expect(again && (await cache.coded(again, 'br'))).toBe(br)
  })

  it('keeps nothing with a budget of 0', () => {
    const cache = createAnswerCache(0)
    cache.keep('one', answer(10))
    expect(cache.get('one')).toBeUndefined()
    expect(cache.heldBytes).toBe(0)
  })
})
