// Sums every workspace's vitest JSON report into the one line CI reads: "N passed, M failed".
// A workspace with tests but no report (crashed before reporting) counts as one failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const roots = ['apps', 'packages', 'tools']
let passed = 0
let failed = 0
for (const root of roots) {
  for (const name of readdirSync(root)) {
    const dir = join(root, name)
    if (!existsSync(join(dir, 'vitest.config.ts'))) {
      continue
    }
    const report = join(dir, '.vitest', 'report.json')
    if (!existsSync(report)) {
      console.error(`${dir}: no test report`)
      failed += 1
      continue
    }
    const json = JSON.parse(readFileSync(report, 'utf8'))
    passed += json.numPassedTests
    failed +=
      json.numFailedTests +
      (json.numTotalTestSuites > 0 && !json.success && json.numFailedTests === 0 ? 1 : 0)
  }
}
console.log(`${passed} passed, ${failed} failed`)
