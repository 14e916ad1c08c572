import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { freePort } from './test/server-process.ts'

const serverDir = new URL('..', import.meta.url).pathname
const running: ChildProcess[] = []
afterEach(() => {
  for (const child of running.splice(0)) {
    child.kill('SIGKILL')
  }
})

async function startServer(env: Record<string, string>) {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'ticket-main-'))
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: join(dir, 'ticket.db'),
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.push(child)
  let stderr = ''
  child.stderr?.on('data', (chunk) => {
    stderr += chunk
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const baseUrl = `http://127.0.0.1:${port}`
  for (let i = 0; i < 150; i++) {
    const ok = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false
    )
    if (ok) {
      break
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    child,
    baseUrl,
    exited,
    stderr: () => stderr,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}

describe('the server process', () => {
  it('starts on SQLite, serves health, OpenAPI and docs, and exits 0 on SIGTERM with a stream open', async () => {
    const server = await startServer({ TICKET_ADMIN_PASSWORD: 'main-test-password' })
    try {
      expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200)
      expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200)
      expect((await (await fetch(`${server.baseUrl}/openapi.json`)).json()).openapi).toBe('3.1.0')
      expect((await fetch(`${server.baseUrl}/docs`)).status).toBe(200)
      const auth = `Basic ${Buffer.from('admin:main-test-password').toString('base64')}`
      const stream = await fetch(`${server.baseUrl}/api/v1/Notification/Stream`, {
        headers: { authorization: auth, accept: 'text/event-stream' },
      })
      expect(stream.status).toBe(200)
      server.child.kill('SIGTERM')
      expect(await server.exited).toBe(0)
      expect(server.stderr()).toContain('"message":"stopped"')
    } finally {
      server.cleanup()
    }
  })

  it('refuses a bad environment with one clear line and exit code 1', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { ...process.env, PORT: 'not-a-port', DATABASE_URL: ':memory:' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    running.push(child)
    let stderr = ''
    child.stderr?.on('data', (chunk) => {
      stderr += chunk
    })
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(1)
    expect(stderr).toMatch(/^ticket server cannot start: invalid environment:\n\s+PORT: /)
    expect(stderr).not.toMatch(/\n\s+at /)
  })
})
