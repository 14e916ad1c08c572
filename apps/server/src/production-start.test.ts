import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { descendants, isAlive, startProcess } from './test/server-process.ts'

const repoRoot = new URL('../../..', import.meta.url).pathname

describe("README's start command (npm run serve)", () => {
  it('hands SIGTERM to the built server, which drains and exits 0 leaving no process behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticket-serve-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    // It installs (a no-op here) and builds before starting, so it may take a while.
    const server = await startProcess('npm', ['run', 'serve'], {
      cwd: repoRoot,
      env: {
        DATABASE_URL: join(dir, 'ticket.db'),
        TICKET_ADMIN_PASSWORD: 'serve-test-password',
        LOG_LEVEL: 'info',
      },
      readyWithinMs: 120_000,
    })
    const top = server.child.pid ?? 0
    const below = descendants(top)
    // npm runs the script, whose shells exec: the one process below npm is node on the bundle.
    expect(below).toHaveLength(1)
    const serverPid = below[0] ?? 0
    expect(commandLine(serverPid)).toMatch(/^node .*dist\/main\.js$/)
    // An open live stream must not keep the process from exiting.
    const stream = await fetch(`${server.baseUrl}/api/v1/Notification/Stream`, {
      headers: {
        authorization: `Basic ${btoa('admin:serve-test-password')}`,
        accept: 'text/event-stream',
      },
    })
    expect(stream.status).toBe(200)

    process.kill(top, 'SIGTERM')
    expect(await server.exited).toBe(0)
    expect(server.output()).toContain('"stopped"')
    await new Promise((r) => setTimeout(r, 200))
    expect(isAlive(serverPid)).toBe(false)
  }, 180_000)
})

function commandLine(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ')
}
