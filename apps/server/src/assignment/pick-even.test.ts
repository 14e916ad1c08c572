import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AssignmentState, Candidate } from './candidate.ts'
import { pickEven } from './pick-even.ts'

const membersArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 })
  .map((ids) => ids.map((associateId, position) => ({ associateId, position, weight: 1 })))

function run(members: Candidate[], picks: number, state: AssignmentState = {}) {
  const order: number[] = []
  let current = state
  for (let i = 0; i < picks; i += 1) {
    const result = pickEven(members, current)
    if (!result) {
      throw new Error('no pick')
    }
    order.push(result.associateId)
    current = result.state
  }
  return { order, state: current }
}

describe('pickEven', () => {
  it('gives every member exactly its share over any number of full rounds', () => {
    fc.assert(
      fc.property(membersArb, fc.integer({ min: 1, max: 20 }), (members, rounds) => {
        const { order } = run(members, members.length * rounds)
        for (const member of members) {
          expect(order.filter((id) => id === member.associateId)).toHaveLength(rounds)
        }
        // Strict rotation in position order.
        expect(order.slice(0, members.length)).toEqual(members.map((m) => m.associateId))
      })
    )
  })

  it('continues after the last picked position when a member leaves', () => {
    const members = [1, 2, 3, 4].map((associateId, position) => ({
      associateId,
      position,
      weight: 1,
    }))
    const { state } = run(members, 2)
    const withoutThird = members.filter((m) => m.associateId !== 3)
    expect(run(withoutThird, 3, state).order).toEqual([4, 1, 2])
  })

  it('returns null without members', () => {
    expect(pickEven([], {})).toBeNull()
  })
})
