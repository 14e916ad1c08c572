import { clearSummary, readSummary } from './summary.ts'

/** Starts the run's count afresh: how much of the contract the tests exercised. */
export function setup() {
  clearSummary()
}

/** Prints the run's count once every test file has finished. */
export function teardown() {
  const { exchanges, violations, expected } = readSummary()
  process.stdout.write(
    `OpenAPI document: ${exchanges} requests and responses validated, ${violations} with violations (and ${expected} provoked on purpose by the hook's own tests)\n`
  )
}
