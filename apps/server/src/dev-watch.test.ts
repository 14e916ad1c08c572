import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const serverDir = new URL('..', import.meta.url).pathname
const schemaFile = new URL('../../../packages/schema/src/entities/tag.ts', import.meta.url).pathname

async function until(check: () => boolean, ms: number) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (check()) {
      return true
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}

describe('pnpm dev', () => {
  it('restarts the server once when a schema source file changes; regenerating changes nothing more', async () => {
    const script = JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8')).scripts.dev
    const dir = mkdtempSync(join(tmpdir(), 'ticket-dev-'))
    // The package's own dev script, run through the shell as pnpm would.
    const child = spawn(script, {
      cwd: serverDir,
      shell: true,
      detached: true,
      env: {
        ...process.env,
        PATH: `${join(serverDir, 'node_modules/.bin')}:${process.env.PATH}`,
        PORT: '0',
        DATABASE_URL: join(dir, 'ticket.db'),
        TICKET_ADMIN_PASSWORD: 'dev-watch-password',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout?.on('data', (chunk) => {
      output += chunk
    })
    child.stderr?.on('data', (chunk) => {
      output += chunk
    })
    const starts = () => output.split('"message":"listening"').length - 1
    try {
      expect(await until(() => starts() === 1, 30_000), output).toBe(true)
      const now = new Date()
      utimesSync(schemaFile, now, now)
      expect(await until(() => starts() === 2, 30_000), output).toBe(true)
      expect(output).toContain('"message":"stopped"')
      // What `pnpm dev` runs next: the generators. Output that did not change is not rewritten,
      // and the OpenAPI document is read, not imported, so neither restarts the server again.
      const tsx = join(serverDir, 'node_modules/.bin/tsx')
      execFileSync(tsx, ['scripts/generate.ts'], { cwd: join(serverDir, '../../packages/schema') })
      execFileSync(tsx, ['scripts/generate-db-schema.ts'], { cwd: serverDir })
      expect(await until(() => starts() > 2, 5_000), output).toBe(false)
    } finally {
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL')
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true })
    }
  }, 70_000)
})
