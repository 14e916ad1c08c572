import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

describe('the generated OpenAPI document', () => {
  it('passes redocly lint (recommended rules) with no error and no warning', async () => {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        'node_modules/.bin/redocly',
        ['lint', 'generated/openapi.json', '--format=stylish'],
        {
          cwd: packageDir,
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` })
      )
    })
    expect(code, output).toBe(0)
    // Findings are listed as `line:column  warning|error  rule  message`.
    expect(output).not.toMatch(/^\s*\d+:\d+\s+(warning|error)\s/m)
    expect(output).not.toMatch(/You have \d+ warning/)
    expect(output).toContain('Your API description is valid')
  }, 60_000)
})
