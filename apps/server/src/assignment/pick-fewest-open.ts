import type { Candidate } from './candidate.ts'

/**
 * Unfair: the member with the fewest open tickets; ties go to the earliest position, so the
 * choice is deterministic.
 * @example pickFewestOpen([{ associateId: 1, position: 0, weight: 1 }], new Map([[1, 3]])) // 1
 */
export function pickFewestOpen(
  members: readonly Candidate[],
  openCounts: ReadonlyMap<number, number>
): number | null {
  let best: Candidate | undefined
  let fewest = Number.POSITIVE_INFINITY
  for (const member of [...members].sort((a, b) => a.position - b.position)) {
    const open = openCounts.get(member.associateId) ?? 0
    if (open < fewest) {
      best = member
      fewest = open
    }
  }
  return best?.associateId ?? null
}
