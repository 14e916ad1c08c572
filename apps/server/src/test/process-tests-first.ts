import { readFileSync } from 'node:fs'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Imports that mark a test file as one that starts real processes (servers, builds, CLI
 * commands, a browser): the module itself, or the test helpers that do it.
 */
const startsProcesses =
  /from '(node:child_process|\.\/processes\.ts|[./]*(test\/)?(server-process|fleet|browser|tenant\/run-script)\.ts)'/

/**
 * Vitest's order, except that files starting real processes go first. Those take the longest
 * (up to 90 s each), and without vitest's cache of earlier runs (a clean clone, as CI has) the
 * default order runs larger files first: the benchmark's smoke test, a 30-line file, started
 * last and alone made the suite's final minute and a half.
 */
export class ProcessTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const slow = new Set(
      sorted.filter((file) => startsProcesses.test(readFileSync(file.moduleId, 'utf8')))
    )
    return [...sorted.filter((file) => slow.has(file)), ...sorted.filter((file) => !slow.has(file))]
  }
}
