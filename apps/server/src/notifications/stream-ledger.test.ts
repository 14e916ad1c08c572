import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { parseResumePoint } from './resume-point.ts'
import { StreamLedger } from './stream-ledger.ts'

/**
 * One associate's notifications, ids 1..n, committing in `order` (ids are taken at insert, so
 * commits land out of id order), and a client whose stream closes after the commit at each
 * index in `toggles` and opens again after the next one listed, with the last event id it
 * received (EventSource's Last-Event-ID). A stream is, as the route runs it, a ledger fed the
 * table above its backlog point when it opens, then each commit live. Returns every
 * notification the client received.
 */
function deliver(order: number[], toggles: Set<number>, firstLastEventId: string | undefined) {
  const committed: number[] = []
  const received: number[] = []
  let lastEventId = firstLastEventId
  let ledger: StreamLedger | undefined
  const take = (id: number) => {
    const eventId = ledger?.take(id)
    if (eventId !== undefined) {
      received.push(id)
      lastEventId = eventId
    }
  }
  const connect = () => {
    ledger = new StreamLedger(lastEventId === undefined ? undefined : parseResumePoint(lastEventId))
    if (lastEventId === undefined) {
      ledger.startAt(Math.max(0, ...committed))
    } else {
      const after = ledger.backlogAfter
      for (const id of [...committed].sort((a, b) => a - b).filter((c) => c > after)) {
        take(id)
      }
    }
  }
  connect()
  order.forEach((id, index) => {
    committed.push(id)
    take(id)
    if (toggles.has(index)) {
      if (ledger) {
        ledger = undefined
      } else {
        connect()
      }
    }
  })
  // A last stream reads whatever committed while none was open.
  connect()
  return received
}

const scenario = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({
    order: fc.shuffledSubarray(
      Array.from({ length: n }, (_, i) => i + 1),
      { minLength: n, maxLength: n }
    ),
    toggles: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 8 }),
  })
)

describe('a notification stream across reconnects', () => {
  test('a client resuming from its last event id gets every notification once, in whatever order they commit', () => {
    fc.assert(
      fc.property(scenario, ({ order, toggles }) => {
        const received = deliver(order, new Set(toggles), '0')
        expect([...received].sort((a, b) => a - b)).toEqual([...order].sort((a, b) => a - b))
      }),
      { numRuns: 500 }
    )
  })

  test('a new stream gets every notification that commits after it connected once, lower ids included', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ order }, cut) => {
        // Commits before the stream connects are not its to send; the stream stays open, and a
        // replay after a lost feed brings what it already sent a second time.
        const before = cut % (order.length + 1)
        const ledger = new StreamLedger(undefined)
        ledger.startAt(Math.max(0, ...order.slice(0, before)))
        const received = order
          .slice(before)
          .concat(order.slice(before))
          .filter((id) => ledger.take(id) !== undefined)
        expect([...received].sort((a, b) => a - b)).toEqual(
          order.slice(before).sort((a, b) => a - b)
        )
      }),
      { numRuns: 500 }
    )
  })

  test('ids sent in a row make plain event ids', () => {
    const ledger = new StreamLedger(undefined)
    ledger.startAt(10)
    expect([11, 12, 14, 13].map((id) => ledger.take(id))).toEqual(['11', '12', '12~Ag', '14'])
    expect(ledger.take(12)).toBeUndefined()
  })
})
