import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type MessageFacts, summarize, withAdded } from './ticket-summary.ts'

const facts: fc.Arbitrary<MessageFacts> = fc.record({
  createdAt: fc.option(fc.constantFrom('t1', 't2', 't3', 't4'), { nil: null }),
  slevel: fc.constantFrom('External', 'Internal'),
  personId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  numAttachments: fc.integer({ min: 0, max: 2 }),
  timeSpent: fc.integer({ min: 0, max: 90 }),
})

describe('the message counters', () => {
  it('after one new message equal a recount of every message with it last', () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 8 }), facts, (earlier, added) => {
        expect(withAdded(summarize(earlier), added)).toEqual(summarize([...earlier, added]))
      }),
      { numRuns: 2000 }
    )
  })
})
