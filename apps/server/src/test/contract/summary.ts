import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Where each test worker appends how many exchanges it validated (apps/server/.vitest). */
export const countsFolder = fileURLToPath(
  new URL('../../../.vitest/openapi-contract', import.meta.url)
)

/** The run's total over every worker's counts. */
export function readSummary() {
  const total = { exchanges: 0, violations: 0, expected: 0 }
  if (!existsSync(countsFolder)) {
    return total
  }
  for (const file of readdirSync(countsFolder)) {
    for (const line of readFileSync(`${countsFolder}/${file}`, 'utf8').split('\n')) {
      if (!line) {
        continue
      }
      const counts = JSON.parse(line) as typeof total
      total.exchanges += counts.exchanges
      total.violations += counts.violations
      total.expected += counts.expected ?? 0
    }
  }
  return total
}

export function clearSummary() {
  rmSync(countsFolder, { recursive: true, force: true })
}
