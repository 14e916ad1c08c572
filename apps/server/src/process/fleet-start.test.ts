import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { createStartingApp } from '../app.ts'
import { createLogger } from '../logger.ts'
import { startServerProcess } from '../test/server-process.ts'
import { temporaryDatabase } from '../test/temp-database.ts'
import { describeError } from './describe-error.ts'
import { Readiness } from './readiness.ts'
import { workerCount } from './worker-count.ts'

const env = (url: string) => ({
  DATABASE_URL: url,
  TICKET_ADMIN_PASSWORD: 'fleet-start-password',
  TICKET_PASSWORD_COST: '10',
})

// Three processes starting together on a fresh database (migrations and seeding under advisory
// locks) are exercised by the fleet test.
describe('starting server processes', () => {
  it('prints the database’s own reason when a migration fails', async () => {
    const url = await temporaryDatabase('pg')
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query('create table associates (x int)')
    await client.end()
    const server = await startServerProcess(env(url))
    expect(await server.exited).toBe(1)
    expect(server.stderr()).toMatch(
      /ticket server cannot start: Failed query: CREATE TABLE "associates"/
    )
    expect(server.stderr()).toMatch(/caused by: relation "associates" already exists \(code 42P07/)
  }, 30_000)

  it('refuses TICKET_WORKERS above 1 on SQLite with a clear message', async () => {
    const server = await startServerProcess({ DATABASE_URL: ':memory:', TICKET_WORKERS: '2' })
    expect(await server.exited).toBe(1)
    expect(server.stderr()).toContain('TICKET_WORKERS=2 needs PostgreSQL')
  }, 30_000)

  it('runs TICKET_WORKERS processes behind one port on PostgreSQL and drains them on SIGTERM', async () => {
    const url = await temporaryDatabase('pg')
    const server = await startServerProcess({ ...env(url), TICKET_WORKERS: '2' })
    await server.ready()
    // Each worker logs its pid once ready; both must come up.
    const deadline = Date.now() + 30_000
    while ((server.stderr().match(/"message":"ready"/g) ?? []).length < 2) {
      expect(Date.now()).toBeLessThan(deadline)
      await new Promise((r) => setTimeout(r, 100))
    }
    const pids = [...server.stderr().matchAll(/"pid":(\d+),"message":"ready"/g)].map((m) => m[1])
    expect(new Set(pids).size).toBe(2)
    expect(pids).not.toContain(String(server.child.pid))
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${server.baseUrl}/readyz`).then((r) => r.status))
    )
    expect(answers.every((status) => status === 200)).toBe(true)
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    expect((server.stderr().match(/"message":"stopped"/g) ?? []).length).toBe(3)
  }, 60_000)
})

describe('readiness', () => {
  it('is not ready while starting or draining', () => {
    const readiness = new Readiness()
    expect(readiness.state).toBe('starting')
    readiness.ready()
    expect(readiness.state).toBe('ready')
    readiness.drain()
    readiness.ready()
    expect(readiness.state).toBe('draining')
  })

  it('answers /readyz 503 while starting and draining, and every other route 503 while starting', async () => {
    const readiness = new Readiness()
    const app = createStartingApp(readiness, createLogger('silent'))
    expect((await app.request('/healthz')).status).toBe(200)
    const starting = await app.request('/readyz')
    expect(starting.status).toBe(503)
    expect(starting.headers.get('retry-after')).toBe('1')
    expect((await app.request('/api/v1/Ticket/1')).status).toBe(503)
    readiness.ready()
    readiness.drain()
    const draining = await app.request('/readyz')
    expect(draining.status).toBe(503)
    expect(((await draining.json()) as { detail: string }).detail).toMatch(/draining/)
  })

  it('counts one process per core on PostgreSQL for auto, one on SQLite', () => {
    const pgUrl = 'postgres://postgres@127.0.0.1/x'
    expect(workerCount({ TICKET_WORKERS: 'auto', DATABASE_URL: pgUrl }, 4)).toBe(4)
    expect(workerCount({ TICKET_WORKERS: 'auto', DATABASE_URL: 'data/t.db' }, 4)).toBe(1)
    expect(workerCount({ TICKET_WORKERS: '3', DATABASE_URL: pgUrl }, 4)).toBe(3)
    expect(() => workerCount({ TICKET_WORKERS: '3', DATABASE_URL: 'data/t.db' })).toThrow(
      /needs PostgreSQL/
    )
  })

  it('describes an error with its causes and the driver’s fields', () => {
    const dbError = Object.assign(new Error('relation "x" already exists'), { code: '42P07' })
    expect(describeError(new Error('Failed query: CREATE TABLE "x"', { cause: dbError }))).toBe(
      'Failed query: CREATE TABLE "x"\n  caused by: relation "x" already exists (code 42P07)'
    )
  })
})
