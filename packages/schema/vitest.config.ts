import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: '.vitest/report.json' }]],
    typecheck: { enabled: true, include: ['**/*.test-d.ts'] },
  },
})
