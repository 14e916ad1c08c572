import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createTestApp } from '../test/harness.ts'
import { adminAuth, basicHeader, call } from '../test/requests.ts'
import { startProcess } from '../test/server-process.ts'
import { runScript } from '../test/tenant/run-script.ts'

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ticket-ops-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

const serverDir = new URL('../..', import.meta.url).pathname
const baseEnv = { PATH: process.env.PATH ?? '', TICKET_PASSWORD_COST: '10' }

async function command(script: string, args: string[], env: Record<string, string>) {
  const run = runScript(script, args, { ...baseEnv, ...env })
  const code = await run.exited
  return { code, stdout: run.stdout(), stderr: run.stderr() }
}

function ticketIds(file: string): Set<number> {
  const database = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    const rows = database.prepare('select ticket_id as id from tickets').all() as Array<{
      id: number
    }>
    return new Set(rows.map((row) => row.id))
  } finally {
    database.close()
  }
}

describe('db:backup and db:restore (SQLite)', () => {
  it('back up a live database under load; the restore holds every save acknowledged before the backup began', async () => {
    const dir = tempDir()
    const live = join(dir, 'live.db')
    const server = await startProcess(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: {
        DATABASE_URL: live,
        TICKET_ADMIN_PASSWORD: adminAuth.password,
        TICKET_PASSWORD_COST: '10',
        LOG_LEVEL: 'silent',
      },
      readyWithinMs: 30_000,
    })
    // Four clients save tickets back to back; each acknowledgement is timed.
    const acknowledged: Array<{ id: number; at: number }> = []
    let loading = true
    const client = async () => {
      while (loading) {
        const res = await fetch(`${server.baseUrl}/api/v1/Ticket`, {
          method: 'POST',
          headers: { authorization: basicHeader(adminAuth), 'content-type': 'application/json' },
          body: JSON.stringify({ Title: 'saved under load' }),
        })
        expect(res.status).toBe(200)
        const { TicketId } = (await res.json()) as { TicketId: number }
        acknowledged.push({ id: TicketId, at: performance.now() })
      }
    }
    const clients = [client(), client(), client(), client()]
    while (acknowledged.length < 30) {
      await new Promise((r) => setTimeout(r, 50))
    }
    const backupFile = join(dir, 'backup.db')
    const backupStarted = performance.now()
    const backup = await command('src/cli/backup.ts', [backupFile], { DATABASE_URL: live })
    const savedDuringBackup = acknowledged.filter((a) => a.at > backupStarted).length
    loading = false
    await Promise.all(clients)
    expect(backup.code, backup.stderr).toBe(0)
    expect(backup.stdout).toContain('Backed up')

    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)

    const before = acknowledged.filter((a) => a.at < backupStarted).map((a) => a.id)
    expect(before.length).toBeGreaterThanOrEqual(30)
    // The load really overlapped the backup, or the test proves nothing about a live database.
    expect(savedDuringBackup).toBeGreaterThan(0)

    const restored = join(dir, 'restored.db')
    const restore = await command('src/cli/restore.ts', [backupFile], { DATABASE_URL: restored })
    expect(restore.code, restore.stderr).toBe(0)
    const ids = ticketIds(restored)
    expect(before.filter((id) => !ids.has(id))).toEqual([])
    // Nothing that was never acknowledged as saved appears either.
    const all = new Set(acknowledged.map((a) => a.id))
    expect([...ids].filter((id) => !all.has(id))).toEqual([])

    // The restored database serves.
    const { app } = await createTestApp({ database: `file:${restored}` })
    const last = before.at(-1) ?? 0
    const read = await call(app, 'GET', `/api/v1/Ticket/${last}`)
    expect(read.status).toBe(200)
    expect(read.body.Title).toBe('saved under load')
  }, 120_000)

  it('refuses PostgreSQL with the tool to use instead, and a missing file', async () => {
    const pg = await command('src/cli/backup.ts', ['x.db'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/none',
    })
    expect(pg.code).toBe(1)
    expect(pg.stderr).toMatch(/pg_dump/)
    const dir = tempDir()
    const missing = await command('src/cli/restore.ts', [join(dir, 'nope.db')], {
      DATABASE_URL: join(dir, 'target.db'),
    })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/No backup at/)
  })
})

describe('db:migrate', () => {
  it('brings an empty database to the latest migration without starting a server', async () => {
    const dir = tempDir()
    const file = join(dir, 'fresh.db')
    const run = await command('src/cli/migrate.ts', [], { DATABASE_URL: file })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('latest migration')
    expect(ticketIds(file).size).toBe(0)
  })
})

describe('password:reset', () => {
  it('sets a generated password, printed once on stdout; the old one stops working', async () => {
    const dir = tempDir()
    const databaseUrl = `file:${join(dir, 'ticket.db')}`
    await (await createTestApp({ database: databaseUrl })).close()
    const run = await command('src/cli/reset-password.ts', ['ADMIN'], { DATABASE_URL: databaseUrl })
    expect(run.code, run.stderr).toBe(0)
    const password = run.stdout.trim()
    expect(password).toMatch(/^[\w-]{24}$/)
    const { app } = await createTestApp({ database: databaseUrl })
    const withNew = await call(app, 'GET', '/api/v1/Ticket/default', undefined, {
      auth: { username: 'admin', password },
    })
    expect(withNew.status).toBe(200)
    const withOld = await call(app, 'GET', '/api/v1/Ticket/default')
    expect(withOld.status).toBe(401)
  })

  it('takes the password from TICKET_NEW_PASSWORD and refuses an unknown user', async () => {
    const dir = tempDir()
    const databaseUrl = `file:${join(dir, 'ticket.db')}`
    await (await createTestApp({ database: databaseUrl })).close()
    const chosen = await command('src/cli/reset-password.ts', ['admin'], {
      DATABASE_URL: databaseUrl,
      TICKET_NEW_PASSWORD: 'chosen-password-1',
    })
    expect(chosen.code, chosen.stderr).toBe(0)
    expect(chosen.stdout).toBe('')
    const unknown = await command('src/cli/reset-password.ts', ['nobody'], {
      DATABASE_URL: databaseUrl,
    })
    expect(unknown.code).toBe(1)
    const { app } = await createTestApp({ database: databaseUrl })
    const signedIn = await call(app, 'GET', '/api/v1/Ticket/default', undefined, {
      auth: { username: 'admin', password: 'chosen-password-1' },
    })
    expect(signedIn.status).toBe(200)
  })
})
