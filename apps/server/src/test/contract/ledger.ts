/** What the contract hook saw in this test worker: counts for the run's summary, and findings not yet reported to a test. */
const counts = { exchanges: 0, violations: 0, expected: 0 }
const pending: string[] = []
let pendingExchanges = 0

export function recordExchange(violations: string[]) {
  counts.exchanges += 1
  if (violations.length > 0) {
    counts.violations += 1
    pendingExchanges += 1
  }
  pending.push(...violations)
}

/**
 * Findings a test provoked on purpose (the hook's own tests): taken, and counted apart, so the
 * run's summary shows the violations nobody expected.
 */
export function takeExpectedViolations(): string[] {
  counts.violations -= pendingExchanges
  counts.expected += pendingExchanges
  pendingExchanges = 0
  return takePendingViolations()
}

/** Findings since the last call; a test fails on them even if it caught the error the request threw. */
export function takePendingViolations(): string[] {
  pendingExchanges = 0
  return pending.splice(0)
}

/**
 * The counts since the last call, and starts them again: a worker that runs several test files
 * in one module graph reports each exchange once.
 */
export function takeExchangeCounts() {
  const taken = { ...counts }
  counts.exchanges = 0
  counts.violations = 0
  counts.expected = 0
  return taken
}
