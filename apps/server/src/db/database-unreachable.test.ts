import pg from 'pg'
import { describe, expect, it, vi } from 'vitest'
import { createTestApp } from '../test/harness.ts'
import { createTestDatabase } from '../test/postgres.ts'
import { call } from '../test/requests.ts'
import { databaseUnreachable } from './database-unreachable.ts'

describe('a request whose database connection is lost', () => {
  it('is answered 503 with Retry-After, changes nothing, and the next request is served', async () => {
    const database = await createTestDatabase()
    const admin = new pg.Client({ connectionString: database.url })
    try {
      const { app } = await createTestApp({ database: database.url })
      const created = await call(app, 'POST', '/api/v1/Ticket', { Title: 'Before' })
      expect(created.status, created.text).toBe(200)
      const id = created.body.TicketId as number
      await admin.connect()
      // The ticket's row is locked, so the update waits inside PostgreSQL until its connection
      // is terminated.
      await admin.query('begin')
      await admin.query('select 1 from tickets where ticket_id = $1 for update', [id])
      const { rows: adminRows } = await admin.query<{ pid: number }>(
        'select pg_backend_pid() as pid'
      )
      const adminPid = adminRows[0]?.pid
      const update = call(app, 'PUT', `/api/v1/Ticket/${id}`, { ...created.body, Title: 'After' })
      // Only the update waits for this connection's lock. Under load another backend of the app
      // may be waiting on a lock of its own at the same moment; it is not the one to end.
      const waiting = await vi.waitFor(
        async () => {
          const { rows } = await admin.query<{ pid: number }>(
            'select pid from pg_stat_activity where datname = current_database() and $1 = any(pg_blocking_pids(pid))',
            [adminPid]
          )
          expect(rows).toHaveLength(1)
          return rows[0]?.pid
        },
        { timeout: 5000, interval: 20 }
      )
      await admin.query('select pg_terminate_backend($1)', [waiting])
      const answer = await update
      expect(answer.status, answer.text).toBe(503)
      expect(answer.headers.get('retry-after')).toBe('1')
      expect(answer.body.code).toBe('SERVICE_UNAVAILABLE')
      await admin.query('rollback')
      const read = await call(app, 'GET', `/api/v1/Ticket/${id}`)
      expect(read.body.Title).toBe('Before')
      const again = await call(app, 'PUT', `/api/v1/Ticket/${id}`, { ...read.body, Title: 'After' })
      expect(again.status, again.text).toBe(200)
      expect(again.body.Title).toBe('After')
    } finally {
      await admin.end().catch(() => {})
      await database.drop()
    }
  })

  it('is told apart from a statement the database refused', () => {
    expect(databaseUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true)
    const wrapped = new Error('Failed query', {
      cause: Object.assign(new Error('terminating connection'), { code: '57P01' }),
    })
    expect(databaseUnreachable(wrapped)).toBe(true)
    const refused = Object.assign(new Error('duplicate key'), { code: '23505' })
    expect(databaseUnreachable(new Error('Failed query', { cause: refused }))).toBe(false)
    expect(databaseUnreachable(new TypeError('x is undefined'))).toBe(false)
  })
})
