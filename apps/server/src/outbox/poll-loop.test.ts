import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, test } from 'vitest'
import { createPollLoop, type PollSteps } from './poll-loop.ts'

/** Steps over an in-memory queue of due rows, counting claims (the rounds the loop runs). */
function queueSteps(options: { deliverMs?: number } = {}) {
  const due: number[] = []
  const delivered: number[] = []
  let claims = 0
  const steps: PollSteps<number> = {
    async claim(limit) {
      claims++
      return due.splice(0, limit)
    },
    async deliver(row) {
      if (options.deliverMs) {
        await sleep(options.deliverMs)
      }
      delivered.push(row)
    },
    claimFailed(err) {
      throw err
    },
  }
  return { steps, due, delivered, claims: () => claims }
}

describe('the dispatchers’ poll loop', () => {
  test('a burst of wakes in one turn runs one round', async () => {
    const queue = queueSteps()
    const loop = createPollLoop(queue.steps, { pollMs: 60_000, batchSize: 100 })
    loop.start()
    await sleep(10)
    const before = queue.claims()
    for (let row = 1; row <= 50; row++) {
      queue.due.push(row)
      loop.wake()
    }
    await sleep(10)
    expect(queue.claims() - before).toBe(1)
    expect(queue.delivered).toHaveLength(50)
    await loop.stop()
  })

  test('wakes during a round fold into one more round, and nothing woken is left behind', async () => {
    const queue = queueSteps({ deliverMs: 50 })
    const loop = createPollLoop(queue.steps, { pollMs: 60_000, batchSize: 100 })
    loop.start()
    await sleep(5)
    queue.due.push(1)
    loop.wake()
    await sleep(5)
    const duringRound = queue.claims()
    for (let row = 2; row <= 20; row++) {
      queue.due.push(row)
      loop.wake()
      // Each wake in its own turn, all while the first round is still delivering.
      await new Promise((resolve) => setImmediate(resolve))
    }
    await sleep(150)
    expect(queue.claims() - duringRound).toBe(1)
    expect(queue.delivered.sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1)
    )
    await loop.stop()
  })

  test('a wake after stop starts nothing', async () => {
    const queue = queueSteps()
    const loop = createPollLoop(queue.steps, { pollMs: 60_000, batchSize: 100 })
    loop.start()
    await loop.stop()
    const claims = queue.claims()
    loop.wake()
    await sleep(10)
    expect(queue.claims()).toBe(claims)
  })
})
