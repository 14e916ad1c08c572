import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { loadEnv } from '../env.ts'
import { createLogger } from '../logger.ts'
import { openTestStore } from '../test/stores.ts'
import { runScript } from '../test/tenant/run-script.ts'
import { ensureFirstAdmin } from './first-admin.ts'

const passwordLine = /generated password: (\S+)\n/g

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ticket-admin-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Starts the real server on a free port; resolves with its URL and the process. */
async function startServer(dir: string) {
  const server = runScript('src/main.ts', [], {
    DATABASE_URL: `file:${join(dir, 'ticket.db')}`,
    TICKET_ADMIN_PASSWORD_FILE: join(dir, 'admin-password.txt'),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  })
  const [, url] = await server.waitForStderr(/"url":"(http:\/\/127\.0\.0\.1:\d+)"/)
  // It listens before it seeds the database: the admin exists once it says it is ready.
  await server.waitForStderr(/"message":"ready"/)
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
  it('gets a random password, written once to a 0600 file and never to the log, that signs in; a restart keeps it', async () => {
    const dir = tempDir()
    const file = join(dir, 'admin-password.txt')
    const first = await startServer(dir)
    const printed = [...readFileSync(file, 'utf8').matchAll(passwordLine)].map((m) => m[1])
    expect(printed).toHaveLength(1)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const password = printed[0] ?? ''
    expect(password.length).toBeGreaterThanOrEqual(20)
    expect(first.server.stderr()).not.toContain(password)
    expect(first.server.stderr()).toContain(file)
    expect((await statuses(first.url, 'admin', password)).status).toBe(200)
    expect((await statuses(first.url, 'admin', `${password}x`)).status).toBe(401)
    await stop(first.server)

    rmSync(file)
    const second = await startServer(dir)
    expect(() => statSync(file)).toThrow()
    expect((await statuses(second.url, 'admin', password)).status).toBe(200)
    await stop(second.server)
  }, 60_000)

  it('is never a fixed password: two empty databases get different ones', async () => {
    const dir = tempDir()
    const printed: string[] = []
    for (const n of [1, 2]) {
      const file = join(dir, `password-${n}.txt`)
      const env = loadEnv({
        DATABASE_URL: ':memory:',
        TICKET_ADMIN_USER: 'root',
        TICKET_ADMIN_PASSWORD_FILE: file,
      })
      const store = await openTestStore('sqlite')
      const core = { env, store, logger: createLogger('silent'), now: () => new Date() }
      expect(await ensureFirstAdmin(core)).toBe(true)
      expect(await ensureFirstAdmin(core)).toBe(false)
      printed.push(
        ...(readFileSync(file, 'utf8').match(/"root" with the generated password: (\S+)\n/g) ?? [])
      )
    }
    expect(printed).toHaveLength(2)
    expect(printed[0]).not.toBe(printed[1])
  })
})
