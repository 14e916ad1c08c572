/** What the contract hook saw in this test worker: counts for the run's summary, and findings not yet reported to a test. */
const counts = { exchanges: 0, violations: 0 }
const pending: string[] = []

export function recordExchange(violations: string[]) {
  counts.exchanges += 1
  counts.violations += violations.length > 0 ? 1 : 0
  pending.push(...violations)
}

/** Findings since the last call; a test fails on them even if it caught the error the request threw. */
export function takePendingViolations(): string[] {
  return pending.splice(0)
}

export function exchangeCounts() {
  return { ...counts }
}
