import { appendFileSync, mkdirSync } from 'node:fs'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { takeExchangeCounts, takePendingViolations } from './ledger.ts'
import { documentOperations } from './operations.ts'
import { countsFolder } from './summary.ts'

// Reading the document blocks the event loop for a moment: done before a test's timers run.
beforeAll(() => documentOperations())

// A request that broke the document fails its test even when the test caught the thrown error.
afterEach(() => {
  const violations = takePendingViolations()
  if (violations.length > 0) {
    throw new Error(
      `The exchange does not meet the published OpenAPI document:\n${violations.join('\n')}`
    )
  }
})

afterAll(() => {
  const violations = takePendingViolations()
  const counts = takeExchangeCounts()
  if (counts.exchanges > 0) {
    mkdirSync(countsFolder, { recursive: true })
    appendFileSync(`${countsFolder}/${process.pid}.jsonl`, `${JSON.stringify(counts)}\n`)
  }
  if (violations.length > 0) {
    throw new Error(
      `The exchange does not meet the published OpenAPI document:\n${violations.join('\n')}`
    )
  }
})
