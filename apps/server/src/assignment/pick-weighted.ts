import type { AssignmentState, Candidate } from './candidate.ts'

const PREFIX = 'weighted.'

/**
 * Smooth weighted round-robin (nginx): every member's current weight grows by its weight, the
 * largest (ties by position) is picked and loses the total. Deterministic, and over every cycle
 * of sum(weights) picks each member is picked exactly `weight` times, spread out rather than in
 * runs. Members with weight 0 are never picked.
 * @example pickWeighted([{ associateId: 1, position: 0, weight: 2 }, { associateId: 2, position: 1, weight: 1 }], {})
 */
export function pickWeighted(
  members: readonly Candidate[],
  state: AssignmentState
): { associateId: number; state: AssignmentState } | null {
  const weighted = [...members].filter((m) => m.weight > 0).sort((a, b) => a.position - b.position)
  if (weighted.length === 0) {
    return null
  }
  const total = weighted.reduce((sum, m) => sum + m.weight, 0)
  // Only present members keep a current weight: one who left restarts from 0 when back.
  const current = new Map<number, number>()
  let best: Candidate | undefined
  let bestWeight = Number.NEGATIVE_INFINITY
  for (const member of weighted) {
    const value = (state[`${PREFIX}${member.associateId}`] ?? 0) + member.weight
    current.set(member.associateId, value)
    if (value > bestWeight) {
      best = member
      bestWeight = value
    }
  }
  if (!best) {
    return null
  }
  current.set(best.associateId, bestWeight - total)
  const next: AssignmentState = {}
  for (const [associateId, value] of current) {
    next[`${PREFIX}${associateId}`] = value
  }
  return { associateId: best.associateId, state: next }
}
