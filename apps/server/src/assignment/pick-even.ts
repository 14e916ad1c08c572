import type { AssignmentState, Candidate } from './candidate.ts'

const CURSOR = 'even.lastPosition'

/**
 * Round-robin: the first available member after the last one picked (by position), wrapping
 * around. The cursor is a position, not an index, so members leaving or joining never make
 * the rotation skip or repeat someone.
 * @example pickEven([{ associateId: 4, position: 0, weight: 1 }], {}) // { associateId: 4, state: { 'even.lastPosition': 0 } }
 */
export function pickEven(
  members: readonly Candidate[],
  state: AssignmentState
): { associateId: number; state: AssignmentState } | null {
  const ordered = [...members].sort((a, b) => a.position - b.position)
  const first = ordered[0]
  if (!first) {
    return null
  }
  const last = state[CURSOR]
  const next = typeof last === 'number' ? (ordered.find((m) => m.position > last) ?? first) : first
  return { associateId: next.associateId, state: { [CURSOR]: next.position } }
}
