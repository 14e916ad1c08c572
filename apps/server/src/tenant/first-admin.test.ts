import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { loadEnv } from '../env.ts'
import { createLogger } from '../logger.ts'
import { openTestStore } from '../test/stores.ts'
import { ensureFirstAdmin } from './first-admin.ts'
import { runScript } from './testing/run-script.ts'

const passwordLine = /generated password: (\S+)\n/g

function tempDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ticket-admin-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return `file:${join(dir, 'ticket.db')}`
}

/** Starts the real server on a free port; resolves with its URL and the process. */
async function startServer(databaseUrl: string) {
  const server = runScript('src/main.ts', [], {
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  })
  const [, url] = await server.waitForStderr(/"url":"(http:\/\/127\.0\.0\.1:\d+)"/)
  return { server, url: url ?? '' }
}

async function stop(server: ReturnType<typeof runScript>) {
  server.child.kill('SIGTERM')
  expect(await server.exited).toBe(0)
}

const statuses = (url: string, user: string, password: string) =>
  fetch(`${url}/api/v1/MDOList/ticketstatus`, {
    headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
  })

describe('the first-start admin without TICKET_ADMIN_PASSWORD', () => {
  it('gets a random password, printed once to stderr, that signs in; a restart keeps it', async () => {
    const databaseUrl = tempDatabase()
    const first = await startServer(databaseUrl)
    const printed = [...first.server.stderr().matchAll(passwordLine)].map((m) => m[1])
    expect(printed).toHaveLength(1)
    const password = printed[0] ?? ''
    expect(password.length).toBeGreaterThanOrEqual(20)
    expect((await statuses(first.url, 'admin', password)).status).toBe(200)
    expect((await statuses(first.url, 'admin', `${password}x`)).status).toBe(401)
    await stop(first.server)

    const second = await startServer(databaseUrl)
    expect(second.server.stderr()).not.toMatch(passwordLine)
    expect((await statuses(second.url, 'admin', password)).status).toBe(200)
    await stop(second.server)
  }, 60_000)

  it('is never a fixed password: two empty databases get different ones', async () => {
    // Captures what the first start prints (the spy passes nothing on to the terminal).
    const written: string[] = []
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk))
      return true
    })
    onTestFinished(() => spy.mockRestore())
    const env = loadEnv({ DATABASE_URL: ':memory:', TICKET_ADMIN_USER: 'root' })
    for (const _ of [1, 2]) {
      const store = await openTestStore('sqlite')
      const core = { env, store, logger: createLogger('silent'), now: () => new Date() }
      expect(await ensureFirstAdmin(core)).toBe(true)
      expect(await ensureFirstAdmin(core)).toBe(false)
    }
    spy.mockRestore()
    const printed = written.join('').match(/"root" with the generated password: (\S+)\n/g) ?? []
    expect(printed).toHaveLength(2)
    expect(printed[0]).not.toBe(printed[1])
  })
})
