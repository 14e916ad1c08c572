import { defineConfig } from 'vitest/config'
import { ProcessTestsFirst } from './src/test/process-tests-first.ts'

export default defineConfig({
  test: {
    // Tests start real servers, browsers and databases; a slow CI machine must not fail them.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Most files wait on real processes, sockets and databases rather than compute, so more
    // files than cores run at once; vitest's default (cores - 1) leaves a 2-core machine serial.
    maxWorkers: 3,
    isolate: false,
    // Files that start real processes first (see the sequencer).
    sequence: { sequencer: ProcessTestsFirst },
    reporters: ['default', ['json', { outputFile: '.vitest/report.json' }]],
    typecheck: { enabled: true, include: ['**/*.test-d.ts'] },
    // Every request a test sends through the app, and its response, must meet the published
    // OpenAPI document (src/test/contract/).
    setupFiles: ['src/test/contract/setup.ts'],
    globalSetup: ['src/test/contract/global-setup.ts'],
  },
})
